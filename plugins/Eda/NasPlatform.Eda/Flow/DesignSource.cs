namespace NasPlatform.Eda.Flow;

/// <summary>A synthesizable Verilog design: the top module's name and the source text (SystemVerilog: qflow reads TOP.sv with -sv).</summary>
public sealed record DesignSource(string Top, string Verilog, bool SystemVerilog = false);
