using System.Globalization;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Eda.Dataset;

namespace NasPlatform.Plugins.Eda.Commands;

/// <summary>
/// `nas eda dataset DIR`: places and routes a sweep of generated designs and the user's Verilog (--verilog)
/// with qflow and qrouter, routes the user's placed DEFs (--def with --lef) with qrouter, and stores
/// features and labels per sample in DIR; run it again (same options) to resume after a kill. Bad input (Verilog
/// yosys cannot read, DEF units that do not fit the LEF, a changed source under a known name) exits 2 before
/// anything is stored; any failed sample makes the exit code 1.
/// Contributed to the host through <see cref="IPluginRegistry.AddCommand"/>.
/// </summary>
internal static class DatasetCommand
{
    /// <summary>Exit code of a run stopped by Ctrl+C or SIGTERM (the host's convention, 128 + SIGINT).</summary>
    private const int Interrupted = 130;

    public static PluginCommand Declaration { get; } = new(
        "eda",
        "dataset",
        "Build (or resume) a routability dataset: design x density x seed placements, each routed for layers x blockage.",
        [new PluginCommandArgument("DIR", "Dataset folder (created; an existing one is resumed).")],
        [
            new("designs", "LIST", "Comma-separated design names (mulN, macN, addN_K, firT_W, aluW, cntK_W, xbarP_W). Default: 12 designs of ~200-1,200 cells, or none when --verilog or --def is given."),
            new("verilog", "FILE[:TOP]", "Your own Verilog design: a self-contained file and its top module (default: the module named like the file, else the file's only module), synthesized and placed by qflow at every density and seed like a generated design.", Repeatable: true),
            new("sv", null, "Read every --verilog file as SystemVerilog (yosys read_verilog -sv) whatever its extension; .sv files are read so anyway."),
            new("def", "FILE", "An already placed DEF, routed by qrouter under every --layers x --blockages; needs --lef. Placement options do not apply to it.", Repeatable: true),
            new("lef", "FILE", "LEF file(s) of the --def placements (technology LEF, then cells LEF); qrouter and the feature maps read them.", Repeatable: true),
            new("densities", "LIST", "Placement densities (qflow initial_density). Default 0.55,0.7,0.85."),
            new("seeds", "N", "Placement seeds per design and density (1..N). Default 2."),
            new("layers", "LIST", "Routing-layer counts. Default 3,4 (with 2, most nets fail first-pass routing: see the plugin README)."),
            new("blockages", "LIST", "Blocked die fractions on metal2/metal3. Default 0,0.1."),
            new("derates", "LIST", "Shares of metal3's tracks removed by uniform stripes, each a routing condition beside layers x blockages (e.g. 0,0.34). Default 0 (none)."),
            new("grid", "N", "Tiles per side of the feature grid. Default 32."),
            new("technology", "NAME", "qflow technology (osu018: 6 metal layers, osu035: 4). Default osu018."),
            new("parallel", "N", "Placements run at once. Default 2; with --cluster, the workers' slots (-j caps it).", ShortName: "j"),
            new("place-timeout", "SECONDS", "Time limit for qflow synthesize and place, each. Default 300, the place limit scaled to the design's cells (x (cells/1000)^1.5 above 1,000 cells); a value given here is used as it is."),
            new("route-timeout", "SECONDS", "Time limit for one qrouter run. Default 180, scaled to the design's cells like the place limit; a value given here is used as it is."),
            new("retry-failed", null, "Build again the samples recorded as failed (they are retried anyway when their source file or time limits changed)."),
            new("replace", null, "Rebuild the samples of a design whose source file changed (by content) instead of refusing."),
            new("placement", "KEY", "Build only this placement's samples (DESIGN-dDENSITY-sSEED, e.g. uart-d0.7-s1), of the sweep in DIR/spec.json; what each cluster worker runs for --cluster, and a way to rebuild one placement. Takes no sweep options."),
        ],
        ["eda dataset ../eda-data/routability --seeds 3 --densities 0.55,0.7,0.85 --layers 3,4 --blockages 0,0.1 -j 2", "eda labels ../eda-data/routability",
         "eda dataset /shared/eda-data --verilog /shared/designs/uart.v --cluster redis://10.0.0.1:6379"],
        RunAsync) { Distributable = true };

    /// <summary>The options that define the sweep, which --placement reads from spec.json instead.</summary>
    private static readonly string[] SweepOptions =
        ["designs", "verilog", "sv", "def", "lef", "densities", "seeds", "layers", "blockages", "derates", "grid", "technology", "place-timeout", "route-timeout"];

    private static async Task<int> RunAsync(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var directory = command.Arguments[0];
        var only = command.Value("placement");
        var spec = only is null ? Sweep(command) : StoredSweep(command, directory);
        string tech;
        try
        {
            // Checked before the folder is made: a bad DEF or LEF is named at once, with its line.
            if (spec.PlacedDefs.Count > 0)
                SweepInputs.CheckPlacedDefs(spec.PlacedDefs, spec.Lefs, spec.Layers);
            tech = spec.Designs.Count + spec.Verilog.Count > 0 ? DatasetBuilder.FindTechnology(spec.Technology) : "";
        }
        catch (Exception e) when (e is DirectoryNotFoundException or ArgumentException)
        {
            throw new NasConfigurationException(e.Message);
        }

        var jobs = Whole(command, "parallel", 2);
        if (jobs < 1)
            throw new NasConfigurationException($"--parallel {jobs}: give the number of placements to run at once, 1 or more.");
        // On a cluster, -j caps the placements at once below the workers' slots.
        var parallel = command.Cluster is { } on ? Math.Min(on.Slots, command.Has("parallel") ? jobs : int.MaxValue) : jobs;
        var where = command.Cluster is { } c ? $" on {c.Workers.Count} cluster worker(s)" : "";
        command.Error.WriteLine(only is null
            ? $"eda dataset {directory}: {spec.PlacementCount} placements x {spec.Layers.Count * spec.Blockages.Count * spec.Derates.Count} routings = {spec.SampleCount} samples, {parallel} at once{where}"
            : $"eda dataset {directory}: placement {only} of spec.json's sweep");
        var builder = new DatasetBuilder(directory, spec, tech)
        {
            RetryFailed = command.Has("retry-failed"), Replace = command.Has("replace"), OnlyPlacement = only,
            RunElsewhere = command.Cluster is { } cluster ? (key, ct) => RunOnWorkerAsync(cluster, command, key, ct) : null,
        };
        try
        {
            var done = await builder.BuildAsync(parallel, new ImmediateProgress<DatasetProgress>(p => Report(command.Error, p)), cancellationToken).ConfigureAwait(false);
            if (builder.StoppedOrphans > 0)
                command.Error.WriteLine($"(stopped {builder.StoppedOrphans} tool processes an earlier, killed run had left working in {builder.Root})");
            if (builder.Failed > 0)
            {
                command.Error.WriteLine($"{done} of {builder.Total} samples in {builder.Root}, {builder.Failed} failed (their records say why; fix the input or raise --place-timeout/--route-timeout, or pass --retry-failed, and run again)");
                return 1;
            }

            command.Error.WriteLine($"{done} of {builder.Total} samples in {builder.Root}, 0 failed");
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or UnauthorizedAccessException)
        {
            throw new NasConfigurationException(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Running tools were killed with their children; finished samples stay.
            command.Error.WriteLine($"Stopped; run the same command again to resume ({builder.Root}).");
            return Interrupted;
        }

        return 0;
    }

    /// <summary>What a cluster worker runs for one placement: the same folder and resume flags, the sweep from spec.json.</summary>
    private static async Task<(int, string, string)> RunOnWorkerAsync(IPluginCommandCluster cluster, PluginCommandInvocation command, string key, CancellationToken ct)
    {
        string[] line = ["eda", "dataset", Path.GetFullPath(command.Arguments[0]), "--placement", key, .. command.Has("retry-failed") ? ["--retry-failed"] : Array.Empty<string>(), .. command.Has("replace") ? ["--replace"] : Array.Empty<string>()];
        var outcome = await cluster.RunAsync(line, ct).ConfigureAwait(false);
        return (outcome.ExitCode, outcome.Worker, outcome.ErrorTail);
    }

    /// <summary>The sweep of DIR/spec.json, for --placement (which refuses sweep options: they would be silently unused).</summary>
    private static SweepSpec StoredSweep(PluginCommandInvocation command, string directory)
    {
        if (SweepOptions.FirstOrDefault(command.Has) is { } given)
            throw new NasConfigurationException($"--{given} with --placement: a placement is built with the sweep stored in {Path.Combine(directory, "spec.json")}; leave --{given} out.");
        var path = Path.Combine(directory, "spec.json");
        if (!File.Exists(path))
            throw new NasConfigurationException($"{path} is missing: --placement builds one placement of an existing dataset's sweep; run `nas eda dataset {directory}` with the sweep's options first.");
        try
        {
            return SweepSpec.Read(path);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new NasConfigurationException($"{path} is not a dataset sweep: {e.Message}");
        }
    }

    private static SweepSpec Sweep(PluginCommandInvocation command)
    {
        var defaults = new SweepSpec();
        var verilog = command.Values("verilog");
        var defs = command.Values("def");
        var lefs = command.Values("lef");
        var own = verilog.Count + defs.Count > 0;
        if (lefs.Count > 0 && defs.Count == 0)
            throw new NasConfigurationException($"--lef {lefs[0]}: LEF files go with placed DEFs; add --def FILE (generated and --verilog designs use the --technology's LEF).");
        var spec = new SweepSpec
        {
            Designs = command.Value("designs") is { } d ? d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : own ? [] : defaults.Designs,
            Verilog = verilog.Select(SweepInputs.ParseVerilog).Select(v => v with { SystemVerilog = command.Has("sv") }).ToList(),
            PlacedDefs = defs.Select(Path.GetFullPath).ToList(),
            Lefs = lefs.Select(Path.GetFullPath).ToList(),
            Densities = command.Value("densities") is { } x ? Numbers(x, "--densities") : defaults.Densities,
            Seeds = Whole(command, "seeds", 2),
            Layers = command.Value("layers") is { } l ? Numbers(l, "--layers").Select(v => (int)v).ToList() : defaults.Layers,
            Blockages = command.Value("blockages") is { } b ? Numbers(b, "--blockages") : defaults.Blockages,
            Derates = command.Value("derates") is { } r ? Numbers(r, "--derates") : defaults.Derates,
            GridSize = Whole(command, "grid", 32),
            Technology = command.Value("technology") ?? "osu018",
            PlaceTimeoutSeconds = Seconds(command, "place-timeout", 300),
            RouteTimeoutSeconds = Seconds(command, "route-timeout", 180),
            ScalePlaceTimeout = !command.Has("place-timeout"),
            ScaleRouteTimeout = !command.Has("route-timeout"),
        };
        var problems = spec.Check();
        if (problems.Count > 0)
            throw new NasConfigurationException("Bad dataset sweep:\n  " + string.Join("\n  ", problems));
        return spec;
    }

    private static void Report(TextWriter error, DatasetProgress p)
    {
        var rate = (p.Done - p.Resumed) / Math.Max(1e-9, p.Elapsed.TotalHours);
        var eta = rate > 0 ? TimeSpan.FromHours((p.Total - p.Done) / rate) : TimeSpan.Zero;
        var what = p.Last.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"first-pass failed {p.Last.Labels!.FirstPassFailed}/{p.Last.Labels.Nets} ({p.Last.Labels.FirstPassRatio:P1}), final {p.Last.Labels.FinalFailed}")
            : $"FAILED at {p.Last.FailedStep}: {p.Last.Error?.Split('\n')[0]}";
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{p.Done}/{p.Total}] {p.Last.Key}: {what}  ({rate:0}/h, {p.Failed} failed, eta {eta:hh\\:mm\\:ss})"));
    }

    private static int Whole(PluginCommandInvocation command, string option, int fallback) =>
        command.Value(option) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : throw new NasConfigurationException($"--{option} {text}: not a whole number.");

    /// <summary>A time limit in seconds, above zero and finite (0 or -1 would fail every sample without running a tool).</summary>
    private static double Seconds(PluginCommandInvocation command, string option, double fallback) =>
        command.Value(option) is not { } text ? fallback
        : !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? throw new NasConfigurationException($"--{option} {text}: not a number of seconds.")
        : double.IsFinite(v) && v > 0 ? v
        : throw new NasConfigurationException($"--{option} {text}: give a time limit in seconds above 0 (every sample would fail), or leave the option out for the default, scaled to each design's size.");

    private static List<double> Numbers(string text, string option)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new NasConfigurationException($"{option}: '{part}' is not a number; give a comma-separated list such as 0.6,0.8.");
            values.Add(v);
        }

        return values;
    }

    // Progress<T> posts to the thread pool, which reorders lines; the builder already reports under a lock.
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
