using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// A family of real, parameterized RTL designs (Debian ships none), named by family and size:
/// mulN (registered NxN multiplier), macN (multiply-accumulate), addN_K (K-operand N-bit adder tree),
/// firT_W (T-tap W-bit FIR filter with fixed coefficients), aluW (W-bit ALU), cntK_W (K counters of W bits
/// with compare), xbarP_W (P-port W-bit registered crossbar). All are registered at inputs and outputs so
/// the placer sees real timing-style structure.
/// </summary>
public static partial class DesignGenerator
{
    /// <summary>The designs the default sweep uses: 12 designs of roughly 200 to 1,200 cells.</summary>
    public static IReadOnlyList<string> DefaultDesigns { get; } =
        ["mul6", "mul8", "mac6", "add8_6", "add12_4", "fir4_6", "fir6_5", "alu8", "alu12", "cnt6_8", "xbar4_6", "xbar6_4"];

    public static DesignSource Generate(string name)
    {
        var match = NamePattern().Match(name);
        if (!match.Success)
            throw new ArgumentException($"'{name}' is not a design name; use mulN, macN, addN_K, firT_W, aluW, cntK_W or xbarP_W (e.g. mul8, fir6_5).", nameof(name));
        var family = match.Groups[1].Value;
        var a = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var b = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        void Need(bool ok, string what)
        {
            if (!ok)
                throw new ArgumentException($"Design '{name}': {what}.", nameof(name));
        }

        switch (family)
        {
            case "mul":
                Need(b == 0 && a is >= 2 and <= 32, "mulN needs 2 <= N <= 32");
                return new DesignSource(name, Multiplier(name, a));
            case "mac":
                Need(b == 0 && a is >= 2 and <= 32, "macN needs 2 <= N <= 32");
                return new DesignSource(name, MultiplyAccumulate(name, a));
            case "add":
                Need(a is >= 2 and <= 64 && b is >= 2 and <= 32, "addN_K needs 2 <= N <= 64 and 2 <= K <= 32");
                return new DesignSource(name, AdderTree(name, a, b));
            case "fir":
                Need(a is >= 2 and <= 32 && b is >= 2 and <= 32, "firT_W needs 2 <= T, W <= 32");
                return new DesignSource(name, Fir(name, a, b));
            case "alu":
                Need(b == 0 && a is >= 2 and <= 64, "aluW needs 2 <= W <= 64");
                return new DesignSource(name, Alu(name, a));
            case "cnt":
                Need(a is >= 1 and <= 64 && b is >= 2 and <= 32, "cntK_W needs 1 <= K <= 64 and 2 <= W <= 32");
                return new DesignSource(name, Counters(name, a, b));
            default:
                Need(a is >= 2 and <= 16 && b is >= 1 and <= 64, "xbarP_W needs 2 <= P <= 16 and 1 <= W <= 64");
                return new DesignSource(name, Crossbar(name, a, b));
        }
    }

    [GeneratedRegex("^(mul|mac|add|fir|alu|cnt|xbar)([0-9]+)(?:_([0-9]+))?$")]
    private static partial Regex NamePattern();

    private static string Multiplier(string top, int n) => $$"""
        module {{top}}(input clk, input [{{n - 1}}:0] a, input [{{n - 1}}:0] b, output reg [{{2 * n - 1}}:0] p);
          reg [{{n - 1}}:0] ra, rb;
          always @(posedge clk) begin ra <= a; rb <= b; p <= ra * rb; end
        endmodule

        """;

    private static string MultiplyAccumulate(string top, int n) => $$"""
        module {{top}}(input clk, input clr, input [{{n - 1}}:0] a, input [{{n - 1}}:0] b, output reg [{{2 * n + 3}}:0] acc);
          reg [{{n - 1}}:0] ra, rb;
          always @(posedge clk) begin
            ra <= a; rb <= b;
            if (clr) acc <= 0; else acc <= acc + ra * rb;
          end
        endmodule

        """;

    private static string AdderTree(string top, int n, int k)
    {
        var s = new StringBuilder();
        var sumWidth = n + (int)Math.Ceiling(Math.Log2(k));
        s.Append(CultureInfo.InvariantCulture, $"module {top}(input clk, input [{n * k - 1}:0] x, output reg [{sumWidth - 1}:0] sum);\n");
        s.Append(CultureInfo.InvariantCulture, $"  reg [{n * k - 1}:0] rx;\n  always @(posedge clk) begin\n    rx <= x;\n    sum <= ");
        s.Append(string.Join(" + ", Enumerable.Range(0, k).Select(i => $"rx[{i * n + n - 1}:{i * n}]")));
        s.Append(";\n  end\nendmodule\n");
        return s.ToString();
    }

    private static string Fir(string top, int taps, int w)
    {
        var s = new StringBuilder();
        var outWidth = 2 * w + (int)Math.Ceiling(Math.Log2(taps)) + 1;
        s.Append(CultureInfo.InvariantCulture, $"module {top}(input clk, input [{w - 1}:0] x, output reg [{outWidth - 1}:0] y);\n");
        s.Append(CultureInfo.InvariantCulture, $"  reg [{w - 1}:0] d [0:{taps - 1}];\n  integer i;\n  always @(posedge clk) begin\n    d[0] <= x;\n");
        s.Append(CultureInfo.InvariantCulture, $"    for (i = 1; i < {taps}; i = i + 1) d[i] <= d[i-1];\n    y <= ");
        // Fixed odd coefficients of about w bits: real constant multipliers, not powers of two.
        var terms = Enumerable.Range(0, taps).Select(i => $"d[{i}] * {w}'d{((i * 37 + 11) % ((1 << w) - 1)) | 1}");
        s.Append(string.Join(" + ", terms));
        s.Append(";\n  end\nendmodule\n");
        return s.ToString();
    }

    private static string Alu(string top, int w) => $$"""
        module {{top}}(input clk, input [2:0] op, input [{{w - 1}}:0] a, input [{{w - 1}}:0] b, output reg [{{w - 1}}:0] y, output reg z, output reg c);
          reg [2:0] rop; reg [{{w - 1}}:0] ra, rb; reg [{{w}}:0] r;
          always @(*) begin
            case (rop)
              3'd0: r = ra + rb;
              3'd1: r = ra - rb;
              3'd2: r = {1'b0, ra & rb};
              3'd3: r = {1'b0, ra | rb};
              3'd4: r = {1'b0, ra ^ rb};
              3'd5: r = {1'b0, ra << rb[{{Math.Max(0, (int)Math.Ceiling(Math.Log2(w)) - 1)}}:0]};
              3'd6: r = {1'b0, ra >> rb[{{Math.Max(0, (int)Math.Ceiling(Math.Log2(w)) - 1)}}:0]};
              default: r = {{{w}}'d0, ra < rb};
            endcase
          end
          always @(posedge clk) begin
            rop <= op; ra <= a; rb <= b;
            y <= r[{{w - 1}}:0]; c <= r[{{w}}]; z <= (r[{{w - 1}}:0] == 0);
          end
        endmodule

        """;

    private static string Counters(string top, int k, int w)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"module {top}(input clk, input rst, input [{k - 1}:0] en, input [{w - 1}:0] limit, output reg [{k - 1}:0] hit);\n");
        s.Append(CultureInfo.InvariantCulture, $"  reg [{w - 1}:0] c [0:{k - 1}];\n  reg [{w - 1}:0] rl;\n  integer i;\n  always @(posedge clk) begin\n    rl <= limit;\n");
        s.Append(CultureInfo.InvariantCulture, $"    for (i = 0; i < {k}; i = i + 1) begin\n      if (rst) c[i] <= i; else if (en[i]) c[i] <= (c[i] == rl) ? 0 : c[i] + i + 1;\n");
        s.Append("      hit[i] <= (c[i] == rl);\n    end\n  end\nendmodule\n");
        return s.ToString();
    }

    private static string Crossbar(string top, int p, int w)
    {
        var sel = Math.Max(1, (int)Math.Ceiling(Math.Log2(p)));
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"module {top}(input clk, input [{p * w - 1}:0] in, input [{p * sel - 1}:0] sel, output reg [{p * w - 1}:0] out);\n");
        s.Append(CultureInfo.InvariantCulture, $"  reg [{p * w - 1}:0] rin; reg [{p * sel - 1}:0] rsel;\n  integer o;\n  always @(posedge clk) begin\n    rin <= in; rsel <= sel;\n");
        s.Append(CultureInfo.InvariantCulture, $"    for (o = 0; o < {p}; o = o + 1) out[o*{w} +: {w}] <= rin[rsel[o*{sel} +: {sel}]*{w} +: {w}];\n");
        s.Append("  end\nendmodule\n");
        return s.ToString();
    }
}
