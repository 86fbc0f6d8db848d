using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Flow;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>Each design is synthesized once for all its placements (real qflow on mul3, a few seconds), and a resume reuses it.</summary>
public sealed class SynthesisCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-eda-synth-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task PlacementsOfADesignShareOneSynthesisAndAResumeReusesIt()
    {
        var spec = new SweepSpec { Designs = ["mul3"], Densities = [0.6, 0.8], Seeds = 1, Layers = [3], Blockages = [0], GridSize = 8 };
        var tech = DatasetBuilder.FindTechnology("osu018");

        Assert.Equal(2, await new DatasetBuilder(_root, spec, tech).BuildAsync(2, null, CancellationToken.None));

        var shared = Assert.Single(Directory.GetDirectories(Path.Combine(_root, "placements", ".synthesis")));
        var synthLog = Path.Combine(shared, "log", "synth.log");
        Assert.True(File.Exists(synthLog), "the shared synthesis kept no log");
        var logTime = File.GetLastWriteTimeUtc(synthLog);
        var records = SampleFiles.ReadRecords(_root);
        Assert.All(records, r => Assert.True(r.Succeeded, r.Error));
        var synthesisRuns = records.Select(r => Assert.Single(r.Tools, t => t.Command.Contains(" synthesize ", StringComparison.Ordinal))).ToList();
        Assert.All(synthesisRuns, t => Assert.Contains("(shared: placements/.synthesis/" + Path.GetFileName(shared) + ")", t.Command, StringComparison.Ordinal));
        Assert.Single(synthesisRuns.Select(t => t.Seconds).Distinct());
        foreach (var r in records)
        {
            var project = Path.GetDirectoryName(Path.GetDirectoryName(Path.Combine(_root, r.PlacedDef!)))!;
            Assert.True(File.Exists(Path.Combine(project, "log", "place.log")), $"{project} was not placed");
            Assert.False(File.Exists(Path.Combine(project, "log", "synth.log")), $"{project} ran its own synthesis");
        }

        // The two densities place differently from the one netlist.
        var defs = records.Select(r => File.ReadAllText(Path.Combine(_root, r.PlacedDef!))).ToList();
        Assert.NotEqual(defs[0], defs[1]);

        // A new process (seed 2 added) reuses the synthesis on disk: no new folder, the log untouched, the run's seconds kept.
        Assert.Equal(4, await new DatasetBuilder(_root, spec with { Seeds = 2 }, tech).BuildAsync(2, null, CancellationToken.None));
        Assert.Single(Directory.GetDirectories(Path.Combine(_root, "placements", ".synthesis")));
        Assert.Equal(logTime, File.GetLastWriteTimeUtc(synthLog));
        var seed2 = SampleFiles.ReadRecords(_root).Where(r => r.Seed == 2).ToList();
        Assert.Equal(2, seed2.Count);
        Assert.All(seed2, r => Assert.Equal(synthesisRuns[0], Assert.Single(r.Tools, t => t.Command.Contains(" synthesize ", StringComparison.Ordinal))));
    }

    [Fact]
    public void TheKeyFollowsTheSourceAndTheTechnology()
    {
        var design = new DesignSource("top", "module top(input a, output y); assign y = a; endmodule\n");
        var key = SynthesisCache.Key(design, "osu018");

        Assert.StartsWith("top-", key, StringComparison.Ordinal);
        Assert.Equal(key, SynthesisCache.Key(design with { }, "osu018"));
        Assert.NotEqual(key, SynthesisCache.Key(design with { Verilog = design.Verilog.Replace("= a", "= ~a", StringComparison.Ordinal) }, "osu018"));
        Assert.NotEqual(key, SynthesisCache.Key(design, "osu035"));
        Assert.NotEqual(key, SynthesisCache.Key(design with { SystemVerilog = true }, "osu018"));
    }
}
