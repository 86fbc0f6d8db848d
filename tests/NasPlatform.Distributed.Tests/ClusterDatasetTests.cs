using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// `nas eda dataset --cluster`: the placements of a sweep are built by two real `nas worker`s (real qflow and
/// qrouter), one of them killed with SIGKILL while it builds, and the dataset comes out whole and the same, sample
/// for sample, as a build on this machine alone.
/// </summary>
public sealed partial class ClusterDatasetTests : IDisposable
{
    private static readonly string[] Sweep =
        ["--designs", "mul2,mul3,add4_2", "--densities", "0.6,0.8", "--seeds", "1", "--layers", "2", "--blockages", "0", "--grid", "8"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AWorkerKilledMidPlacementLosesNothingAndTheDatasetMatchesALocalBuild()
    {
        using var redis = new RedisServer(_dir.Path);
        using var doomed = NasWorker.StartReady(redis.Address, Path.Combine(_dir.Path, "work"));
        using var survivor = NasWorker.StartReady(redis.Address, Path.Combine(_dir.Path, "work"));
        var clustered = Path.Combine(_dir.Path, "clustered");

        using (var build = ChildProcess.Nas(["eda", "dataset", clustered, .. Sweep, "--cluster", redis.Address, "--plugins", RepoPaths.Plugins]))
        {
            Poll.Until(() => InFlight(doomed.Process.Error) || build.HasExited, TimeSpan.FromSeconds(120), () => $"no placement started on the worker to kill: {build.Error}");
            Assert.False(build.HasExited, $"the build ended before a worker could be killed: {build.Error}");
            doomed.Process.Kill();
            Assert.True(build.WaitForExit(TimeSpan.FromSeconds(300)), $"the build did not finish after the kill: {build.Error}");
            Assert.True(build.ExitCode == 0, $"nas eda dataset --cluster exited {build.ExitCode}: {build.Error}");
            Assert.EndsWith($"6 of 6 samples in {clustered}, 0 failed", build.Error.Trim(), StringComparison.Ordinal);
        }

        // The killed worker's placement ran again on the survivor, which built the rest too.
        Assert.True(Started(survivor.Process.Error) >= 6 - Reported(doomed.Process.Error), survivor.Process.Error);

        var local = Path.Combine(_dir.Path, "local");
        using (var build = ChildProcess.Nas(["eda", "dataset", local, .. Sweep, "-j", "2", "--plugins", RepoPaths.Plugins]))
        {
            Assert.True(build.WaitForExit(TimeSpan.FromSeconds(300)) && build.ExitCode == 0, build.Error);
        }

        var samples = Directory.GetFiles(Path.Combine(local, "samples"), "*.json").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(6, samples.Count);
        Assert.Equal(samples, Directory.GetFiles(Path.Combine(clustered, "samples"), "*.json").Select(Path.GetFileName).Order().ToList());
        foreach (var name in samples)
        {
            var (a, b) = (Record(clustered, name!), Record(local, name!));
            Assert.True(JToken.DeepEquals(a["labels"], b["labels"]), $"{name}: {a["labels"]} vs {b["labels"]}");
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, "samples", Path.ChangeExtension(name!, "features.bin"))),
                File.ReadAllBytes(Path.Combine(clustered, "samples", Path.ChangeExtension(name!, "features.bin"))));
        }

        // Run again: nothing is left to build, so no worker is asked for anything.
        var before = Started(survivor.Process.Error);
        using var again = ChildProcess.Nas(["eda", "dataset", clustered, .. Sweep, "--cluster", redis.Address, "--plugins", RepoPaths.Plugins]);
        Assert.True(again.WaitForExit(TimeSpan.FromSeconds(120)) && again.ExitCode == 0, again.Error);
        Assert.EndsWith($"6 of 6 samples in {clustered}, 0 failed", again.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, Started(survivor.Process.Error));
    }

    private static JObject Record(string dataset, string name) => JObject.Parse(File.ReadAllText(Path.Combine(dataset, "samples", name)));

    private static int Started(string log) => EvaluatingLine().Count(log);

    private static int Reported(string log) => ReportedLine().Count(log);

    private static bool InFlight(string log) => Started(log) > Reported(log);

    [GeneratedRegex(@"'nas eda dataset' line \d+ \(eda dataset \S+ --placement [^)]+\): running")]
    private static partial Regex EvaluatingLine();

    [GeneratedRegex(@"'nas eda dataset' line \d+ \([^)]+\): reported")]
    private static partial Regex ReportedLine();
}
