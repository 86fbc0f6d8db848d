using NasPlatform.Eda.Flow;
using NasPlatform.Eda.Lef;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>A qrouter run that gives no result says how it ended, at which step, and qrouter's last error line.</summary>
public sealed class QrouterFailureTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-eda-qrouter-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ARealQrouterCrashNamesTheSignalAndTheStepThatCrashed()
    {
        // DEF units of 300 against the LEF's 1000: qrouter segfaults while reading the DEF (the dataset command refuses
        // such a DEF up front; the router itself is driven here to get a real crash in well under a second).
        var def = Path.Combine(_root, "mul3_300.def");
        File.WriteAllText(def, File.ReadAllText(Fixtures.PlacedDef).Replace("UNITS DISTANCE MICRONS 100 ;", "UNITS DISTANCE MICRONS 300 ;", StringComparison.Ordinal));
        var layers = LefReader.Read(Fixtures.Lef).RoutingLayers.Select(l => l.Name).ToList();
        var runs = new List<ToolRun>();

        var e = await Assert.ThrowsAsync<ToolFailedException>(() =>
            new QrouterRunner(Fixtures.Lef, TimeSpan.FromSeconds(60)).RouteAsync(def, layers, new RoutingKnobs(2, 0, 1), [], Path.Combine(_root, "route"), runs, CancellationToken.None));

        Assert.Equal("route", e.Step);
        Assert.Equal(139, Assert.Single(runs).ExitCode);
        Assert.StartsWith("qrouter was killed by signal 11 (SIGSEGV, a segmentation fault) at read_def (reading the placed DEF); ", e.Message, StringComparison.Ordinal);
        Assert.Contains("It wrote no first-pass result (stage1.txt).", e.Message.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AnExitCodeNamesTheLastStepAndTheLastErrorLine()
    {
        var output = string.Join('\n',
            "Qrouter detail maze router version 1.4.71.T",
            QrouterFailure.Marker + " read_lef",
            QrouterFailure.Marker + " read_def",
            QrouterFailure.Marker + " congested",
            QrouterFailure.Marker + " stage1",
            "Error:  Failure to find route start node/route on net a[1]!",
            "Nets remaining: 3",
            QrouterFailure.Marker + " stage2",
            "ERROR: out of memory allocating route",
            "Nets remaining: 1");
        var run = new ToolRun("qrouter -nog -s route.tcl", 1, false, 2.5, output);

        var message = QrouterFailure.Describe(run, TimeSpan.FromSeconds(180), "It wrote no final result (failed.txt).");

        Assert.Equal("qrouter exited with code 1 at stage2 (rip-up and reroute); last error line: ERROR: out of memory allocating route. It wrote no final result (failed.txt).", message.Split('\n')[0]);
        Assert.Contains("Log tail:\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATimeoutAndARunThatNeverStartedItsScriptSaySo()
    {
        var late = new ToolRun("qrouter", -1, true, 180, QrouterFailure.Marker + " stage1\n");
        Assert.StartsWith("qrouter ran past its 180 s limit and was killed at stage1 (first-pass routing); it printed no error line.", QrouterFailure.Describe(late, TimeSpan.FromSeconds(180), ""), StringComparison.Ordinal);

        var early = new ToolRun("qrouter", 134, false, 0.1, "qrouter: cannot open display\n");
        Assert.StartsWith("qrouter was killed by signal 6 (SIGABRT, an abort or failed assertion) before its script started; last error line: qrouter: cannot open display.", QrouterFailure.Describe(early, TimeSpan.FromSeconds(180), ""), StringComparison.Ordinal);
    }
}
