using System.Globalization;
using System.Text.RegularExpressions;
using NasPlatform.Eda.Flow;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// Reads the user's Verilog with yosys (read_verilog, -sv for .sv files and with --sv, then hierarchy -check -top TOP) before
/// any placement, so a file qflow cannot synthesize is refused up front with yosys's own error line naming the
/// user's file (not the copy under placements/) instead of becoming failed samples.
/// </summary>
public static partial class VerilogCheck
{
    // Reading is not instant on real designs: yosys took 38 s of CPU (177 s wall at load 40) on the shared
    // axis_eth_fcs.v (a CRC-32 of wide XOR expressions), so 120 s stopped a whole build on a busy machine.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(600);

    /// <summary>Throws <see cref="ArgumentException"/> with "FILE:LINE: ERROR: ..." and the fix when yosys cannot read the design.</summary>
    public static async Task CheckAsync(VerilogDesign design, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(design.Path, cancellationToken).ConfigureAwait(false);
        var sv = design.IsSystemVerilog ? "-sv " : "";
        var script = $"read_verilog {sv}\"{design.Path}\"; hierarchy -check -top {design.Top}";
        var folder = System.IO.Path.GetDirectoryName(design.Path) ?? "/";
        var run = await ToolRunner.RunAsync("yosys", ["-q", "-p", script], folder, Limit, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode == -1 && !run.TimedOut)
            throw new ArgumentException(run.Output.Trim());
        if (run.TimedOut)
            throw new ArgumentException($"{design.Path}: yosys did not finish reading the file in {Limit.TotalSeconds:0} s (read_verilog and hierarchy -check only); check that the file is not generated to an enormous size, or run again on a less busy machine.");
        if (!run.Succeeded)
            throw new ArgumentException(Explain(design, text, run.Output));

        // yosys finds an include next to the user's file, but qflow synthesizes a copy of this one file.
        if (Include().Match(text) is { Success: true } include)
            throw new ArgumentException($"{design.Path}:{LineOf(text, include.Index)}: `include \"{include.Groups[1].Value}\": qflow synthesizes a copy of this one file, where the included file is not found; paste the included text into {System.IO.Path.GetFileName(design.Path)}.");
    }

    /// <summary>The error line yosys printed, located in the user's file, and what to do about it.</summary>
    internal static string Explain(VerilogDesign design, string text, string output)
    {
        var error = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("ERROR:", StringComparison.Ordinal))
            ?? output.Trim().Split('\n').LastOrDefault() ?? "yosys failed without a message";
        if (!error.StartsWith(design.Path, StringComparison.Ordinal))
        {
            // Errors without a place: find it where we can (the include line), else name the file.
            var at = MissingInclude().Match(error) is { Success: true } m && text.IndexOf(m.Groups[1].Value, StringComparison.Ordinal) is var i and >= 0
                ? ":" + LineOf(text, i).ToString(CultureInfo.InvariantCulture)
                : "";
            error = $"{design.Path}{at}: {error}";
        }

        var fix = error.Contains("only supported in SystemVerilog mode", StringComparison.Ordinal) || (!design.IsSystemVerilog && SystemVerilogWord().IsMatch(text))
            ? $"the file is read as Verilog-2005; if it is SystemVerilog, pass --sv (or name it {System.IO.Path.ChangeExtension(System.IO.Path.GetFileName(design.Path), ".sv")}) so it is read with -sv."
            : error.Contains("not found!", StringComparison.Ordinal) && error.Contains($"`{design.Top}'", StringComparison.Ordinal)
                ? $"no module '{design.Top}' outside comments; name the top module as {design.Path}:TOP."
                : MissingInclude().IsMatch(error)
                    ? $"qflow synthesizes this one file; paste the included text into {System.IO.Path.GetFileName(design.Path)}."
                    : "fix the file (yosys read_verilog + hierarchy -check) and run again.";
        return $"{error}\n  {fix}";
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    [GeneratedRegex(@"^\s*`include\s+""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex Include();

    [GeneratedRegex(@"Can't open include file `([^']+)'")]
    private static partial Regex MissingInclude();

    [GeneratedRegex(@"\b(logic|always_comb|always_ff|always_latch|typedef|enum|interface|unique|priority)\b")]
    private static partial Regex SystemVerilogWord();
}
