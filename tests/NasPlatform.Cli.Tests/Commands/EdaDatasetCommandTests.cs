using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// `nas eda dataset` (contributed by the EDA plugin through the registry): a generated design placed by the real qflow and routed by qrouter, the user's own files
/// (a placed DEF + LEF), each in seconds, and bad files named with exit 2.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EdaDatasetCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "NasPlatform.Plugins.Eda.Tests", "Fixtures");
    private readonly string _temp = Directory.CreateTempSubdirectory("nas-eda-cmd-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    // `nas eda dataset` is the EDA plugin's command: the host finds it among the built plugins.
    private static (int ExitCode, string Out, string Error) Nas(params string[] args) => CliRunner.Run([.. args, "--plugins", RepoPaths.Plugins]);

    private static string Def => Path.Combine(Fixtures, "mul3_placed.def");

    private static string Lef => Path.Combine(Fixtures, "osu018_stdcells.lef");

    [Fact]
    public void APlacedDefAndItsLefBecomeRoutedSamples()
    {
        var dir = Path.Combine(_temp, "ds");

        var (exit, _, error) = Nas("eda", "dataset", dir, "--def", Def, "--lef", Lef, "--layers", "2", "--blockages", "0,0.3", "--grid", "8");

        Assert.True(exit == 0, error);
        Assert.Contains("1 placements x 2 routings = 2 samples", error, StringComparison.Ordinal);
        Assert.EndsWith("2 of 2 samples in " + dir + ", 0 failed", error.Trim(), StringComparison.Ordinal);
        var records = Directory.GetFiles(Path.Combine(dir, "samples"), "*.json").Select(f => JObject.Parse(File.ReadAllText(f))).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("ok", r.Value<string>("status")));
        Assert.All(records, r => Assert.Equal("def:" + Def, r.Value<string>("source")));
        var spec = JObject.Parse(File.ReadAllText(Path.Combine(dir, "spec.json")));
        Assert.Empty((JArray)spec["designs"]!); // no generated designs unless --designs names them
        Assert.Equal(Lef, spec["lefs"]![0]!.Value<string>());
        // No limit given: both scale with the design's cells, and the records say so.
        Assert.True(spec.Value<bool>("scalePlaceTimeout") && spec.Value<bool>("scaleRouteTimeout"));
        Assert.All(records, r => Assert.Equal("place,route", r.Value<string>("timeoutsScaled")));
    }

    [Fact]
    public void PlacementRebuildsOnePlacementOfTheStoredSweepAndRefusesSweepOptions()
    {
        // What each cluster worker runs for `--cluster`: one placement, with the sweep read from spec.json.
        var dir = Path.Combine(_temp, "one");
        var missing = Nas("eda", "dataset", dir, "--placement", "mul2-d0.7-s1");
        var (exit, _, error) = Nas("eda", "dataset", dir, "--designs", "mul2", "--densities", "0.6,0.7", "--seeds", "1", "--layers", "2", "--blockages", "0", "--grid", "8", "-j", "1");
        var record = Path.Combine(dir, "samples", "mul2-d0.7-s1-L2-b0.json");
        var built = JObject.Parse(File.ReadAllText(record));
        var specBefore = File.ReadAllText(Path.Combine(dir, "spec.json"));
        var mixed = Nas("eda", "dataset", dir, "--placement", "mul2-d0.7-s1", "--densities", "0.9");
        var unknown = Nas("eda", "dataset", dir, "--placement", "mul2-d0.9-s1");
        File.Delete(record);
        var rebuilt = Nas("eda", "dataset", dir, "--placement", "mul2-d0.7-s1");

        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("spec.json is missing", missing.Error, StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        Assert.Equal(ExitCodes.BadInput, mixed.ExitCode);
        Assert.Contains("--densities with --placement", mixed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("no placement 'mul2-d0.9-s1'", unknown.Error, StringComparison.Ordinal);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Error);
        Assert.EndsWith("1 of 1 samples in " + dir + ", 0 failed", rebuilt.Error.Trim(), StringComparison.Ordinal);
        Assert.True(JToken.DeepEquals(built["labels"], JObject.Parse(File.ReadAllText(record))["labels"]));
        Assert.Equal(specBefore, File.ReadAllText(Path.Combine(dir, "spec.json")));
    }

    [Fact]
    public void AGeneratedDesignIsPlacedByQflowAndRoutedWithoutAnyLefArgument()
    {
        // The plain sweep of docs/benchmarks.md: generated designs use the --technology's LEF, so no --lef is given.
        var dir = Path.Combine(_temp, "gen");

        var (exit, _, error) = Nas("eda", "dataset", dir, "--designs", "mul2", "--densities", "0.7", "--seeds", "1", "--layers", "2", "--blockages", "0", "--grid", "8", "-j", "1");

        Assert.True(exit == 0, error);
        Assert.Contains("1 placements x 1 routings = 1 samples", error, StringComparison.Ordinal);
        var record = JObject.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(dir, "samples"), "*.json").Single()));
        Assert.Equal("ok", record.Value<string>("status"));
        Assert.Equal("generated", record.Value<string>("source"));
        Assert.Equal(2, record["labels"]!.Value<int>("hotspotVersion"));

        // `nas eda labels` reads it back: one condition, as text and as JSON; a missing folder is exit 2.
        var text = Nas("eda", "labels", dir);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("1 samples, 0 failed, 1 labelled over 1 designs", text.Out, StringComparison.Ordinal);
        Assert.Contains("L2 b0 d0.7", text.Out, StringComparison.Ordinal);
        var json = JObject.Parse(Nas("eda", "labels", dir, "--json", "-").Out);
        Assert.Equal(record["labels"]!.Value<double>("firstPassRatio"), json["labels"]!["conditions"]![0]!["firstPassRatio"]!.Value<double>("median"));
        Assert.Equal(2, Nas("eda", "labels", Path.Combine(_temp, "none")).ExitCode);
    }

    [Fact]
    public void AMissingOrBrokenFileIsNamedWithExitCode2()
    {
        var missing = Path.Combine(_temp, "nope.def");
        var noDef = Nas("eda", "dataset", Path.Combine(_temp, "a"), "--def", missing, "--lef", Lef);
        Assert.Equal(2, noDef.ExitCode);
        Assert.Contains($"{missing}: no such file.", noDef.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp, "a")), "a bad input should leave no dataset folder");

        var lefOnly = Nas("eda", "dataset", Path.Combine(_temp, "b"), "--lef", Lef);
        Assert.Equal(2, lefOnly.ExitCode);
        Assert.Contains("add --def FILE", lefOnly.Error, StringComparison.Ordinal);

        var verilog = Path.Combine(_temp, "top.v");
        File.WriteAllText(verilog, "module other(input a, output b); assign b = a; endmodule\nmodule another(input a, output b); other o(a, b); endmodule\n");
        var badTop = Nas("eda", "dataset", Path.Combine(_temp, "c"), "--verilog", verilog);
        Assert.Equal(2, badTop.ExitCode);
        Assert.Contains($"{verilog}: no module 'top' (it defines other, another)", badTop.Error, StringComparison.Ordinal);

        foreach (var limit in new[] { "0", "-5", "NaN", "soon" })
        {
            var badLimit = Nas("eda", "dataset", Path.Combine(_temp, "d"), "--def", Def, "--lef", Lef, "--route-timeout", limit);
            Assert.True(badLimit.ExitCode == 2, badLimit.Error);
            Assert.Contains($"--route-timeout {limit}: ", badLimit.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(_temp, "d")), "a bad limit should leave no dataset folder");
        }

        var noJobs = Nas("eda", "dataset", Path.Combine(_temp, "e"), "--def", Def, "--lef", Lef, "-j", "0");
        Assert.True(noJobs.ExitCode == 2, noJobs.Error);
        Assert.Contains("--parallel 0: give the number of placements to run at once, 1 or more.", noJobs.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp, "e")), "-j 0 should leave no dataset folder");
    }

    [Theory]
    [InlineData("bad_syntax.v", "module bad_syntax(input a, output b);\n  assign b = a\nendmodule\n", ":3: ERROR: syntax error")]
    [InlineData("ghost.v", "/*\nmodule ghost(input a, output b);\n*/\nmodule other(input a, output b); assign b = a; endmodule\n", ": ERROR: Module `ghost' not found!")]
    [InlineData("with_include.v", "`include \"missing_defs.vh\"\nmodule with_include(input a, output b); assign b = a; endmodule\n", ":1: ERROR: Can't open include file `missing_defs.vh'!")]
    [InlineData("svonly.v", "module svonly(input [3:0] a, output [3:0] b);\n  generate for (genvar i = 0; i < 4; i = i + 1) begin : g assign b[i] = a[i]; end endgenerate\nendmodule\n", ":2: ERROR: Generate for loop inline variable declaration is only supported in SystemVerilog mode!")]
    public void VerilogYosysCannotReadExits2WithYosysLineInTheUsersFileAndStoresNothing(string name, string text, string error)
    {
        var verilog = Path.Combine(_temp, name);
        File.WriteAllText(verilog, text);
        var dir = Path.Combine(_temp, "ds");
        Directory.CreateDirectory(dir);
        var spec = Path.Combine(dir, "spec.json");
        File.WriteAllText(spec, "{ \"an\": \"earlier sweep\" }");

        var (exit, _, stderr) = Nas("eda", "dataset", dir, "--verilog", verilog);

        Assert.True(exit == 2, stderr);
        Assert.Contains(verilog + error, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("placements/", stderr, StringComparison.Ordinal); // the copy qflow reads is not named
        Assert.Equal("{ \"an\": \"earlier sweep\" }", File.ReadAllText(spec));
        Assert.Equal(["spec.json"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void ADefWhoseUnitsDoNotFitTheLefExits2WithTheFix()
    {
        var def = Path.Combine(_temp, "mul3_300.def");
        File.WriteAllText(def, File.ReadAllText(Def).Replace("UNITS DISTANCE MICRONS 100 ;", "UNITS DISTANCE MICRONS 300 ;", StringComparison.Ordinal));

        var (exit, _, error) = Nas("eda", "dataset", Path.Combine(_temp, "u"), "--def", def, "--lef", Lef);

        Assert.Equal(2, exit);
        Assert.Contains($"{def}:6: UNITS DISTANCE MICRONS 300 does not fit the LEF's DATABASE MICRONS 1000", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp, "u")));
    }

    [Fact]
    public void FailedSamplesAreCountedInTheLastLineAndExit1()
    {
        // qrouter cannot route in 10 ms: every sample fails, the command says how many and exits 1.
        var dir = Path.Combine(_temp, "f");

        var (exit, _, error) = Nas("eda", "dataset", dir, "--def", Def, "--lef", Lef, "--layers", "2", "--blockages", "0,0.3", "--grid", "8", "--route-timeout", "0.01");

        Assert.True(exit == 1, error);
        Assert.EndsWith($"2 of 2 samples in {dir}, 2 failed", error.Trim().Split('\n')[^1].Split(" (", StringSplitOptions.None)[0], StringComparison.Ordinal);
        // The user's --route-timeout is used as it is (not scaled); the place limit still scales.
        var spec = JObject.Parse(File.ReadAllText(Path.Combine(dir, "spec.json")));
        Assert.False(spec.Value<bool>("scaleRouteTimeout"));
        Assert.True(spec.Value<bool>("scalePlaceTimeout"));
        Assert.Equal(0.01, spec.Value<double>("routeTimeoutSeconds"));
    }

    [Fact]
    public void ASvFileIsReadAsSystemVerilogAndAChangedFileUnderTheSameNameNeedsReplace()
    {
        var sv = Path.Combine(_temp, "svtop.sv");
        File.WriteAllText(sv, "module svtop(input logic clk, input logic [3:0] a, output logic [3:0] q);\n  always_ff @(posedge clk) q <= a + 4'd1;\nendmodule\n");
        var dir = Path.Combine(_temp, "sv");
        string[] args = ["eda", "dataset", dir, "--verilog", sv, "--densities", "0.7", "--seeds", "1", "--layers", "3", "--blockages", "0", "--grid", "8"];

        var first = Nas(args);
        Assert.True(first.ExitCode == 0, first.Error);
        var record = JObject.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(dir, "samples"), "*.json").Single()));
        Assert.Equal("ok", record.Value<string>("status"));

        // Same name, other content: refused before anything runs, naming the file; --replace rebuilds it.
        File.WriteAllText(sv, File.ReadAllText(sv).Replace("4'd1", "4'd3", StringComparison.Ordinal));
        var refused = Nas(args);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"were made from {sv} (sha256 {record.Value<string>("sourceHash")![..12]})", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", refused.Error, StringComparison.Ordinal);

        var replaced = Nas([.. args, "--replace"]);
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        var rebuilt = JObject.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(dir, "samples"), "*.json").Single()));
        Assert.NotEqual(record.Value<string>("sourceHash"), rebuilt.Value<string>("sourceHash"));
    }
}
