using System.Globalization;
using System.Text;
using NasPlatform.Eda.Features;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// Drives qrouter in batch (qrouter -nog -s script.tcl): read the LEF, set the layers, add qflow's edge
/// obstructions and the blockage, read the placed DEF, save the 'congested' estimate, run stage1
/// (first-pass maze routing; its result is the failed-net count) and save 'failing', then stage2
/// (rip-up and reroute), write_failed (de-duplicated here: qrouter lists some nets twice) and write_def.
/// </summary>
public sealed class QrouterRunner(IReadOnlyList<string> lefPaths, TimeSpan timeout)
{
    public QrouterRunner(string lefPath, TimeSpan timeout)
        : this([lefPath], timeout)
    {
    }

    /// <summary>The time limit of one qrouter run.</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>The same router with another time limit (a design's scaled limit, <see cref="ToolTimeouts"/>).</summary>
    public QrouterRunner WithTimeout(TimeSpan limit) => new(lefPaths, limit);

    public async Task<RoutingOutcome> RouteAsync(
        string placedDef,
        IReadOnlyList<string> routingLayerNames,
        RoutingKnobs knobs,
        IReadOnlyList<RoutingObstruction> obstructions,
        string workDirectory,
        List<ToolRun> runs,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var script = await ScriptAsync(placedDef, routingLayerNames, knobs, obstructions, cancellationToken).ConfigureAwait(false);
        foreach (var stale in new[] { "congestion.txt", "stage1.txt", "failed.txt", "routed.def" })
            File.Delete(Path.Combine(workDirectory, stale));
        await File.WriteAllTextAsync(Path.Combine(workDirectory, "route.tcl"), script, cancellationToken).ConfigureAwait(false);

        var run = await ToolRunner.RunAsync("qrouter", ["-nog", "-s", "route.tcl"], workDirectory, timeout, cancellationToken).ConfigureAwait(false);
        runs.Add(run);
        if (run.TimedOut)
            throw new ToolFailedException("route", run, QrouterFailure.Describe(run, timeout, "Raise --route-timeout, or route with more layers."));
        var stage1 = Path.Combine(workDirectory, "stage1.txt");
        if (!File.Exists(stage1))
            throw new ToolFailedException("route", run, QrouterFailure.Describe(run, timeout, "It wrote no first-pass result (stage1.txt)."));

        var stage1Lines = (await File.ReadAllLinesAsync(stage1, cancellationToken).ConfigureAwait(false)).Where(l => l.Trim().Length > 0).ToList();
        if (stage1Lines.Count == 0 || !int.TryParse(stage1Lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var firstPass))
            throw new ToolFailedException("route", run, $"{stage1}: the first line should be stage1's failed-net count.");
        var firstPassNets = stage1Lines.Skip(1).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();

        var failedFile = Path.Combine(workDirectory, "failed.txt");
        if (!File.Exists(failedFile) && !run.Succeeded)
            throw new ToolFailedException("route", run, QrouterFailure.Describe(run, timeout, "It wrote no final result (failed.txt)."));
        // write_failed writes nothing when every net routed; its first line is a count header.
        var finalNets = File.Exists(failedFile)
            ? (await File.ReadAllLinesAsync(failedFile, cancellationToken).ConfigureAwait(false))
                .Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : [];

        var congestion = await ReadCongestionAsync(Path.Combine(workDirectory, "congestion.txt"), cancellationToken).ConfigureAwait(false);
        var routed = Path.Combine(workDirectory, "routed.def");
        return new RoutingOutcome(firstPass, firstPassNets, finalNets, congestion, File.Exists(routed) ? routed : null);
    }

    /// <summary>The batch script: technology and layers, obstructions (qflow's edges and the blockage), then the routing stages and their outputs.</summary>
    private async Task<string> ScriptAsync(
        string placedDef, IReadOnlyList<string> routingLayerNames, RoutingKnobs knobs, IReadOnlyList<RoutingObstruction> obstructions, CancellationToken cancellationToken)
    {
        var script = new StringBuilder();
        script.AppendLine("verbose 0");
        // Each step is announced on stderr, so a crash says where it happened (QrouterFailure).
        script.AppendLine(QrouterFailure.Announce("read_lef"));
        foreach (var lef in lefPaths)
            script.AppendLine(CultureInfo.InvariantCulture, $"read_lef {Quote(Path.GetFullPath(lef))}");
        script.AppendLine(QrouterFailure.Announce("obstructions"));
        script.AppendLine(Invariant($"layers {knobs.Layers}"));
        script.AppendLine("via stack 1");
        script.AppendLine("vdd vdd");
        script.AppendLine("gnd gnd");
        var edges = Path.ChangeExtension(placedDef.Replace("_unroute.def", ".def", StringComparison.Ordinal), ".obs");
        if (File.Exists(edges))
        {
            foreach (var line in await File.ReadAllLinesAsync(edges, cancellationToken).ConfigureAwait(false))
            {
                if (line.TrimStart().StartsWith("obstruction", StringComparison.Ordinal))
                    script.AppendLine(line.Trim());
            }
        }

        foreach (var o in obstructions)
        {
            if (o.Layer < 1 || o.Layer > routingLayerNames.Count)
                throw new ArgumentException($"Obstruction layer {o.Layer} is not one of the LEF's {routingLayerNames.Count} routing layers.", nameof(obstructions));
            script.AppendLine(Invariant($"obstruction {o.Rect.X0:0.###} {o.Rect.Y0:0.###} {o.Rect.X1:0.###} {o.Rect.Y1:0.###} {routingLayerNames[o.Layer - 1]}"));
        }

        script.AppendLine(QrouterFailure.Announce("read_def"));
        script.AppendLine(CultureInfo.InvariantCulture, $"read_def {Quote(Path.GetFullPath(placedDef))}");
        script.AppendLine(QrouterFailure.Announce("congested"));
        script.AppendLine("set fh [open congestion.txt w]");
        script.AppendLine("foreach item [congested 100000000] { puts $fh \"[lindex $item 0] [lindex $item 1]\" }");
        script.AppendLine("close $fh");
        script.AppendLine(QrouterFailure.Announce("stage1"));
        script.AppendLine("set n [stage1]");
        script.AppendLine("set fh [open stage1.txt w]");
        script.AppendLine("puts $fh $n");
        script.AppendLine("foreach net [failing] { puts $fh $net }");
        script.AppendLine("close $fh");
        script.AppendLine(QrouterFailure.Announce("stage2"));
        script.AppendLine(Invariant($"stage2 mask none effort {knobs.Effort}"));
        script.AppendLine(QrouterFailure.Announce("write_def"));
        script.AppendLine("write_failed failed.txt");
        script.AppendLine("write_def routed.def");
        script.AppendLine("quit");
        return script.ToString();
    }

    /// <summary>The 'congested' estimate per net as qrouter saved it ("net value" lines); empty when it saved none.</summary>
    private static async Task<Dictionary<string, double>> ReadCongestionAsync(string congestionFile, CancellationToken cancellationToken)
    {
        var congestion = new Dictionary<string, double>(StringComparer.Ordinal);
        if (File.Exists(congestionFile))
        {
            foreach (var line in await File.ReadAllLinesAsync(congestionFile, cancellationToken).ConfigureAwait(false))
            {
                var cut = line.LastIndexOf(' ');
                if (cut > 0 && double.TryParse(line.AsSpan(cut + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    congestion[line[..cut]] = value;
            }
        }

        return congestion;
    }

    private static string Quote(string path) => "{" + path + "}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
