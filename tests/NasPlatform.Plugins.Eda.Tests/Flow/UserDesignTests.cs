using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Features;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>The user's own inputs: a placed DEF + LEF routed by the real qrouter, and a Verilog file through qflow (seconds).</summary>
public sealed class UserDesignTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nas-eda-user-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task APlacedDefIsRoutedUnderEveryLayerCountWithItsOwnLef()
    {
        var spec = new SweepSpec { Designs = [], PlacedDefs = [Fixtures.PlacedDef], Lefs = [Fixtures.Lef], Layers = [2, 3], Blockages = [0], GridSize = 8 };
        var builder = new DatasetBuilder(_root, spec, techDirectory: "");

        var done = await builder.BuildAsync(1, null, CancellationToken.None);

        Assert.Equal(2, done);
        var records = SampleFiles.ReadRecords(_root).OrderBy(r => r.Layers).ToList();
        Assert.Equal(["mul3-def-mul3_placed-L2-b0", "mul3-def-mul3_placed-L3-b0"], records.Select(r => r.Key));
        foreach (var r in records)
        {
            Assert.True(r.Succeeded, r.Error);
            Assert.Equal("mul3", r.Design);
            Assert.Equal("def:" + Fixtures.PlacedDef, r.Source);
            Assert.Equal(66, r.Labels!.Nets); // the same placement as DatasetBuilderTests' mul3
            Assert.Contains(r.Tools, t => t.Command.StartsWith("qrouter -nog", StringComparison.Ordinal));
            Assert.DoesNotContain(r.Tools, t => t.Command.StartsWith("qflow", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(_root, r.PlacedDef!)), r.PlacedDef);
            var features = SampleFiles.ReadFloats(SampleFiles.FeaturesPath(_root, r.Key), FeatureChannels.All.Count * 64);
            Assert.True(features.Take(64).Sum() > 0, "cell density map is empty");
        }

        Assert.True(records[0].Labels!.FirstPassFailed > records[1].Labels!.FirstPassFailed, "two layers should fail more nets than three");
        Assert.Equal(2, await builder.BuildAsync(1, null, CancellationToken.None)); // resumes: nothing left to do
    }

    [Fact]
    public async Task AVerilogFileIsSynthesizedPlacedAndRoutedUnderItsTopModule()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "my_design.v");
        File.WriteAllText(file, """
            module half(input a, input b, output s, output c);
              assign s = a ^ b; assign c = a & b;
            endmodule
            module acc3(input clk, input [2:0] x, output reg [4:0] sum);
              reg [2:0] rx;
              always @(posedge clk) begin rx <= x; sum <= sum + rx; end
            endmodule
            """);
        var spec = new SweepSpec { Designs = [], Verilog = [SweepInputs.ParseVerilog(file + ":acc3")], Densities = [0.7], Seeds = 1, Layers = [3], Blockages = [0], GridSize = 8 };
        Assert.Empty(spec.Check());

        await new DatasetBuilder(Path.Combine(_root, "ds"), spec, DatasetBuilder.FindTechnology("osu018")).BuildAsync(1, null, CancellationToken.None);

        var record = Assert.Single(SampleFiles.ReadRecords(Path.Combine(_root, "ds")));
        Assert.True(record.Succeeded, record.Error);
        Assert.Equal("acc3", record.Design);
        Assert.Equal("acc3-d0.7-s1-L3-b0", record.Key);
        Assert.Equal("verilog:" + file, record.Source);
        Assert.InRange(record.Cells, 10, 200);
        Assert.Contains(record.Tools, t => t.Command.StartsWith("qflow -T osu018 synthesize acc3 (shared: placements/.synthesis/acc3-", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTopAFileWithOneModuleNamesItsDesignAfterThatModule()
    {
        Directory.CreateDirectory(_root);
        var counter = Path.Combine(_root, "counter.v");
        File.WriteAllText(counter, "// a module named in a comment: module nothing\nmodule blinky(input clk, output reg q);\n  always @(posedge clk) q <= ~q;\nendmodule\n");
        var named = Path.Combine(_root, "alu.v");
        File.WriteAllText(named, "module alu(input a, output b); assign b = a; endmodule\n");

        Assert.Equal(new VerilogDesign(counter, "blinky"), SweepInputs.ParseVerilog(counter));
        Assert.Equal(new VerilogDesign(named, "alu"), SweepInputs.ParseVerilog(named));
        Assert.Equal(new VerilogDesign(counter, "other"), SweepInputs.ParseVerilog(counter + ":other")); // as asked, refused later
        Assert.Empty(new SweepSpec { Designs = [], Verilog = [SweepInputs.ParseVerilog(counter)] }.Check());
    }

    [Fact]
    public async Task SvReadsAVerilogFileAsSystemVerilog()
    {
        // OpenLane's spm style: a genvar declared in the generate loop is SystemVerilog, in a file named .v.
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "svonly.v");
        File.WriteAllText(file, "module svonly(input [3:0] a, output [3:0] b);\n  generate for (genvar i = 0; i < 4; i = i + 1) begin : g assign b[i] = a[i]; end endgenerate\nendmodule\n");
        var design = SweepInputs.ParseVerilog(file);

        var asVerilog = await Assert.ThrowsAsync<ArgumentException>(() => VerilogCheck.CheckAsync(design, CancellationToken.None));
        Assert.Contains($"{file}:2: ERROR: Generate for loop inline variable declaration is only supported in SystemVerilog mode", asVerilog.Message, StringComparison.Ordinal);
        Assert.Contains("pass --sv (or name it svonly.sv)", asVerilog.Message, StringComparison.Ordinal);

        var sv = design with { SystemVerilog = true };
        await VerilogCheck.CheckAsync(sv, CancellationToken.None);

        // spec.json keeps the choice, and a sweep without --sv writes what it wrote before.
        Assert.Equal(sv, Newtonsoft.Json.JsonConvert.DeserializeObject<VerilogDesign>(Newtonsoft.Json.JsonConvert.SerializeObject(sv)));
        Assert.DoesNotContain("systemVerilog", Newtonsoft.Json.JsonConvert.SerializeObject(design), StringComparison.Ordinal);
    }

    [Fact]
    public void BadUserFilesAreNamedWithTheFix()
    {
        Directory.CreateDirectory(_root);
        var verilog = Path.Combine(_root, "alu.v");
        File.WriteAllText(verilog, "module alu4(input a, output b); assign b = a; endmodule\nmodule alu8(input a, output b); assign b = a; endmodule\n");
        var spec = new SweepSpec { Designs = [], Verilog = [SweepInputs.ParseVerilog(verilog), SweepInputs.ParseVerilog(Path.Combine(_root, "none.v") + ":top")] };
        var problems = spec.Check();
        Assert.Contains($"{verilog}: no module 'alu' (it defines alu4, alu8); name the top module as {verilog}:TOP.", problems);
        Assert.Contains(problems, p => p.StartsWith(Path.Combine(_root, "none.v") + ": cannot read the Verilog file", StringComparison.Ordinal));

        var noLef = Assert.Throws<ArgumentException>(() => SweepInputs.CheckPlacedDefs([Fixtures.PlacedDef], [], [2]));
        Assert.Contains("add --lef FILE", noLef.Message, StringComparison.Ordinal);
        var tooMany = Assert.Throws<ArgumentException>(() => SweepInputs.CheckPlacedDefs([Fixtures.PlacedDef], [Fixtures.Lef], [7]));
        Assert.Equal($"{Fixtures.Lef}: 6 routing layers; --layers asks for 7. Lower --layers.", tooMany.Message);
        var broken = Path.Combine(_root, "broken.def");
        File.WriteAllLines(broken, File.ReadAllLines(Fixtures.PlacedDef).Select(l => l.Replace("NAND2X1", "NAND9X9", StringComparison.Ordinal)));
        var unknown = Assert.Throws<ArgumentException>(() => SweepInputs.CheckPlacedDefs([broken], [Fixtures.Lef], [2]));
        Assert.StartsWith(broken + ":", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("NAND9X9", unknown.Message, StringComparison.Ordinal);
    }
}
