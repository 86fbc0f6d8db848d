using System.Globalization;
using Newtonsoft.Json;
using NasPlatform.Eda.Def;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Flow;
using NasPlatform.Eda.Lef;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// Builds a routability dataset: places each design (generated or the user's Verilog) x density x seed with
/// qflow (in parallel), imports the user's placed DEFs as they are, routes each placement for each layers x
/// blockage with qrouter, and stores features, labels and provenance per sample. Finished samples are skipped, so a killed build resumes where it stopped.
/// </summary>
public sealed class DatasetBuilder(string root, SweepSpec spec, string techDirectory)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Retry samples recorded as failed even when their source and time limits are unchanged (--retry-failed).</summary>
    public bool RetryFailed { get; init; }

    /// <summary>Rebuild good samples whose source content changed under the same name, instead of refusing (--replace).</summary>
    public bool Replace { get; init; }

    /// <summary>
    /// Build only this placement's samples (<c>--placement KEY</c>: what a cluster worker runs, with the sweep read from
    /// DIR/spec.json). Takes the placement's lock, not the folder's, which the coordinator holds; spec.json is left as it is.
    /// </summary>
    public string? OnlyPlacement { get; init; }

    /// <summary>
    /// Hands each placement to a cluster worker instead of building it here (<c>--cluster</c>): called with the placement key,
    /// it runs <c>nas eda dataset DIR --placement KEY</c> there (which writes the samples' files and records into DIR) and
    /// returns its exit code, worker and last lines. Null: build here.
    /// </summary>
    public Func<string, CancellationToken, Task<(int ExitCode, string Worker, string Tail)>>? RunElsewhere { get; init; }

    /// <summary>After <see cref="BuildAsync"/>: the samples it covered (the sweep's, or one placement's with <see cref="OnlyPlacement"/>).</summary>
    public int Total { get; private set; }

    /// <summary>After <see cref="BuildAsync"/>: samples of the sweep recorded as failed (this run's and kept ones).</summary>
    public int Failed { get; private set; }

    /// <summary>After <see cref="BuildAsync"/>: tool processes left by an earlier, killed run that were stopped first.</summary>
    public int StoppedOrphans { get; private set; }

    /// <summary>Where qflow keeps a technology's files (…/qflow/tech/NAME), found from the qflow install.</summary>
    public static string FindTechnology(string technology)
    {
        foreach (var prefix in new[] { "/usr/share/qflow/tech", "/usr/local/share/qflow/tech" })
        {
            var folder = Path.Combine(prefix, technology);
            if (Directory.Exists(folder))
                return folder;
        }

        throw new DirectoryNotFoundException($"qflow technology '{technology}' was not found under /usr/share/qflow/tech or /usr/local/share/qflow/tech; install qflow (scripts/system-packages.sh) or pick osu018, osu035 or osu050.");
    }

    public static string PlacementKey(string design, double density, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"{design}-d{density:0.###}-s{seed}");

    /// <summary>PLACEMENT-L{layers}-b{blockage}, and -r{derate} when metal3 is derated (keys made before derates stay as they were).</summary>
    public static string SampleKey(string placementKey, int layers, double blockage, double derate = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"{placementKey}-L{layers}-b{blockage:0.###}") + (derate > 0 ? string.Create(CultureInfo.InvariantCulture, $"-r{derate:0.###}") : "");

    public async Task<int> BuildAsync(int parallel, IProgress<DatasetProgress>? progress, CancellationToken cancellationToken)
    {
        var work = await WorkAsync(cancellationToken).ConfigureAwait(false);
        if (OnlyPlacement is { } only)
        {
            work = work.Where(w => w.Key == only).ToList();
            if (work.Count == 0)
                throw new ArgumentException($"{Root}: the sweep in spec.json has no placement '{only}'; a placement is DESIGN-dDENSITY-sSEED, e.g. {PlacementKey(spec.Designs.Count > 0 ? spec.Designs[0] : "mul8", spec.Densities[0], 1)}.");
        }

        Directory.CreateDirectory(SampleFiles.SamplesFolder(Root));
        using var folderLock = OnlyPlacement is null ? DatasetLocks.Folder(Root) : null;
        // A --placement run waits for its placement's lock and plans after it: what another run finished meanwhile is kept.
        await using var placementLock = OnlyPlacement is { } key ? await DatasetLocks.WaitForPlacementAsync(Root, key, cancellationToken).ConfigureAwait(false) : null;
        // Tools left by a killed run are stopped before their folder is touched: by a local build in placements/, by a
        // --placement run in its own placement's folder, and not by a coordinator, whose workers' machines run the tools.
        if (RunElsewhere is null)
            StoppedOrphans = await ToolProcesses.StopOrphansAsync(Path.Combine(Root, "placements", OnlyPlacement ?? "")).ConfigureAwait(false);
        var plan = Plan(work);
        if (OnlyPlacement is null)
            WriteSpec();

        var total = Total = work.Count * spec.Layers.Count * spec.Blockages.Count * spec.Derates.Count;
        var existing = total - plan.Sum(p => p.Pending.Count);
        var done = existing;
        var failed = 0;
        var keptFailed = plan.Sum(p => p.KeptFailed);
        var started = DateTime.UtcNow;
        var gate = new object();
        var placer = new QflowPlacer(spec.Technology, TimeSpan.FromSeconds(spec.PlaceTimeoutSeconds)) {
            ScalePlaceTimeout = spec.ScalePlaceTimeout,
            // One synthesis per design, shared by its density x seed placements (a dot: never a placement key).
            Synthesis = new SynthesisCache(Path.Combine(Root, "placements", ".synthesis")),
        };

        await Parallel.ForEachAsync(plan.Where(p => p.Pending.Count > 0), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var records = RunElsewhere is { } remote
                ? await BuiltElsewhereAsync(remote, item, ct).ConfigureAwait(false)
                : await BuildHereAsync(item, placer, ct).ConfigureAwait(false);
            foreach (var record in records)
            {
                lock (gate)
                {
                    done++;
                    if (!record.Succeeded)
                        failed++;
                    progress?.Report(new DatasetProgress(done, failed, total, existing, record, DateTime.UtcNow - started));
                }
            }
        }).ConfigureAwait(false);
        Failed = failed + keptFailed;
        return done;
    }

    /// <summary>Every placement of the sweep (checking the user's Verilog first: yosys's own error, exit 2), each once.</summary>
    private async Task<List<PlacementJob>> WorkAsync(CancellationToken cancellationToken)
    {
        var work = new List<PlacementJob>();
        if (spec.Designs.Count + spec.Verilog.Count > 0)
        {
            var lef = Path.Combine(techDirectory, spec.Technology + "_stdcells.lef");
            if (!File.Exists(lef))
                throw new FileNotFoundException($"{lef} is missing: the technology folder {techDirectory} has no standard-cell LEF.");
            var tech = Tech(LefReader.Read(lef), [lef], spec.Technology);
            // Checked before anything is stored: yosys's own error, naming the user's file, exits 2.
            foreach (var v in spec.Verilog.Where(v => OnlyPlacement is null || OnlyPlacement.StartsWith(v.Top + "-d", StringComparison.Ordinal)))
                await VerilogCheck.CheckAsync(v, cancellationToken).ConfigureAwait(false);
            var sources = spec.Designs.Select(d => (d, "generated", DesignGenerator.Generate(d)))
                .Concat(spec.Verilog.Select(v => (v.Top, "verilog:" + v.Path, new DesignSource(v.Top, File.ReadAllText(v.Path), v.IsSystemVerilog))))
                .Select(x => (x.Item1, x.Item2, x.Item3, SampleResume.Hash([System.Text.Encoding.UTF8.GetBytes(x.Item3.Verilog)])))
                .ToList();
            for (var seed = 1; seed <= spec.Seeds; seed++)
                foreach (var (design, source, rtl, hash) in sources)
                    foreach (var density in spec.Densities)
                        work.Add(new PlacementJob(design, density, seed, PlacementKey(design, density, seed), source, hash, rtl, null, tech));
        }

        if (spec.PlacedDefs.Count > 0)
        {
            // Imported placements are routed with the user's LEFs (technology and cells), not qflow's.
            var tech = Tech(SweepInputs.CheckPlacedDefs(spec.PlacedDefs, spec.Lefs, spec.Layers), spec.Lefs, "lef:" + string.Join(",", spec.Lefs.Select(Path.GetFileName)));
            foreach (var def in spec.PlacedDefs)
            {
                var design = DefReader.Read(def).Name;
                var hash = SampleResume.Hash(new[] { def }.Concat(spec.Lefs).Select(File.ReadAllBytes));
                work.Add(new PlacementJob(design, 0, 0, ImportedKey(design, def), "def:" + Path.GetFullPath(def), hash, null, def, tech));
            }
        }

        if (work.GroupBy(w => w.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two inputs make the placement '{twice.Key}' ({string.Join(", ", twice.Select(w => w.Source))}); rename a file or a module.");
        return work;
    }

    private void WriteSpec()
    {
        var specPath = Path.Combine(Root, "spec.json");
        var specText = JsonConvert.SerializeObject(spec, Formatting.Indented);
        if (File.Exists(specPath) && File.ReadAllText(specPath) != specText)
            File.Copy(specPath, specPath + ".previous", overwrite: true);
        File.WriteAllText(specPath, specText);
    }

    /// <summary>Places and routes one placement's pending samples here, under its lock, and writes their records.</summary>
    private async Task<List<SampleRecord>> BuildHereAsync(PlannedPlacement item, QflowPlacer placer, CancellationToken ct)
    {
        // A --placement run holds its placement's lock already.
        using var placementLock = OnlyPlacement is null ? DatasetLocks.Placement(Root, item.Job.Key) : null;
        var records = await PlaceAndRouteAsync(item.Job, item.Pending, placer, ct).ConfigureAwait(false);
        foreach (var record in records)
            SampleFiles.WriteRecord(Root, record);
        return records;
    }

    /// <summary>
    /// Has a cluster worker build one placement and reads back the records it wrote. A worker that refused (exit 2: it
    /// cannot see the folder or a file, or the placement is locked) stops the build with its reason, as bad input here would.
    /// </summary>
    private async Task<List<SampleRecord>> BuiltElsewhereAsync(Func<string, CancellationToken, Task<(int ExitCode, string Worker, string Tail)>> remote, PlannedPlacement item, CancellationToken ct)
    {
        var (exit, worker, tail) = await remote(item.Job.Key, ct).ConfigureAwait(false);
        if (exit == 2)
            throw new ArgumentException($"placement {item.Job.Key}: worker {worker} refused it (exit 2): {tail}");
        var records = item.Pending.Select(v => SampleResume.Read(Root, v.Key)).ToList();
        if (records.Any(r => r is null))
            throw new InvalidOperationException($"placement {item.Job.Key}: worker {worker} ended with exit code {exit} without writing every record into {Root}: {tail}");
        return records.Select(r => r!).ToList();
    }

    /// <summary>
    /// Which samples of each placement to (re)build, from their records (<see cref="SampleResume"/>); throws
    /// <see cref="ArgumentException"/> naming both sources when a good sample's source changed (no --replace).
    /// </summary>
    private List<PlannedPlacement> Plan(List<PlacementJob> work)
    {
        var plan = new List<PlannedPlacement>();
        var conflicts = new List<string>();
        foreach (var job in work)
        {
            var pending = new List<RoutingVariant>();
            var keptFailed = 0;
            foreach (var v in RoutingVariants(job.Key))
            {
                var record = SampleResume.Read(Root, v.Key);
                var wanted = Stamp(new SampleRecord { Key = v.Key, Design = job.Design, Density = job.Density, Seed = job.Seed, Layers = v.Layers, Blockage = v.Blockage, Derate = v.Derate, Status = "ok", GridSize = spec.GridSize }, job);
                switch (SampleResume.Decide(record, wanted, RetryFailed, Replace))
                {
                    case ResumeAction.Build:
                        pending.Add(v);
                        break;
                    case ResumeAction.Conflict:
                        if (conflicts.Count == 0)
                            conflicts.Add(SampleResume.ConflictMessage(record!, wanted));
                        break;
                    default:
                        keptFailed += record!.Succeeded ? 0 : 1;
                        break;
                }
            }

            plan.Add(new PlannedPlacement(job, pending, keptFailed));
        }

        if (conflicts.Count > 0)
            throw new ArgumentException(conflicts[0]);
        return plan;
    }

    /// <summary>The content and flow options a record is keyed by (see <see cref="SampleResume"/>).</summary>
    private SampleRecord Stamp(SampleRecord record, PlacementJob job) => record with
    {
        Technology = job.Tech.Technology, Source = job.Source, SourceHash = job.SourceHash,
        PlaceTimeoutSeconds = spec.PlaceTimeoutSeconds, RouteTimeoutSeconds = spec.RouteTimeoutSeconds, RouteEffort = spec.RouteEffort,
        TimeoutsScaled = spec.TimeoutsScaled,
    };

    /// <summary>The placement key of an imported DEF: its design and its file name, e.g. "mul3-def-mul3_placed".</summary>
    public static string ImportedKey(string design, string defPath) =>
        design + "-def-" + string.Concat(Path.GetFileNameWithoutExtension(defPath).Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '_'));

    private RoutingTech Tech(LefLibrary library, IReadOnlyList<string> lefs, string technology)
    {
        var layerNames = library.RoutingLayers.Select(l => l.Name).ToList();
        if (spec.Layers.Any(l => l > layerNames.Count))
            throw new ArgumentException($"layers: {technology} has {layerNames.Count} routing layers; the sweep asks for up to {spec.Layers.Max()}.");
        return new RoutingTech(library, layerNames, new QrouterRunner(lefs, TimeSpan.FromSeconds(spec.RouteTimeoutSeconds)), technology);
    }

    /// <summary>One placement to make (from RTL with qflow) or import (a placed DEF), and what routes it.</summary>
    private sealed record PlacementJob(string Design, double Density, int Seed, string Key, string Source, string SourceHash, DesignSource? Rtl, string? PlacedDef, RoutingTech Tech);

    private sealed record PlannedPlacement(PlacementJob Job, List<RoutingVariant> Pending, int KeptFailed);

    /// <summary>One routing condition of a placement: its sample key, layers, blockage and metal3 derate.</summary>
    private sealed record RoutingVariant(string Key, int Layers, double Blockage, double Derate);

    private sealed record RoutingTech(LefLibrary Library, List<string> LayerNames, QrouterRunner Router, string Technology);

    private IEnumerable<RoutingVariant> RoutingVariants(string pkey) =>
        spec.Layers.SelectMany(l => spec.Blockages.SelectMany(b => spec.Derates.Select(r => new RoutingVariant(SampleKey(pkey, l, b, r), l, b, r))));

    private async Task<List<SampleRecord>> PlaceAndRouteAsync(
        PlacementJob job, List<RoutingVariant> variants, QflowPlacer placer, CancellationToken ct)
    {
        var (design, density, seed, pkey) = (job.Design, job.Density, job.Seed, job.Key);
        var project = Path.Combine(Root, "placements", pkey);
        var placeRuns = new List<ToolRun>();
        var records = new List<SampleRecord>();
        SampleRecord Failed(RoutingVariant v, string step, string error, IEnumerable<ToolRun> runs) => Stamp(new()
        {
            Key = v.Key, Design = design, Density = density, Seed = seed, Layers = v.Layers, Blockage = v.Blockage, Derate = v.Derate,
            Status = "failed", FailedStep = step, Error = error,
            Tools = runs.Select(Provenance).ToList(), CreatedAt = DateTimeOffset.UtcNow,
        }, job);

        string placedDef;
        Placement placement;
        try
        {
            placedDef = await PlaceOnceAsync(job, project, placer, placeRuns, ct).ConfigureAwait(false);
            placement = Placement.Build(DefReader.Read(placedDef), job.Tech.Library);
        }
        catch (Exception e) when (e is ToolFailedException or Parsing.LefDefFormatException or IOException)
        {
            var step = e is ToolFailedException t ? t.Step : "read placement";
            return variants.Select(v => Failed(v, step, e.Message, placeRuns)).ToList();
        }

        // The route limit grows with the design's size like the place limit (ToolTimeouts).
        var router = job.Tech.Router.WithTimeout(ToolTimeouts.For(spec.RouteTimeoutSeconds, placement.Cells.Count(c => !c.IsFiller), spec.ScaleRouteTimeout));
        foreach (var variant in variants)
        {
            var (key, layers, blockage, derate) = variant;
            var routeRuns = new List<ToolRun>(placeRuns);
            var knobs = new RoutingKnobs(layers, blockage, job.PlacedDef is null ? BlockageSeed(design, density, seed) : BlockageSeed(pkey, 0, 0), spec.RouteEffort, derate);
            var obstructions = Blockages.For(placement.Die, knobs);
            try
            {
                var routeDir = Path.Combine(project, "route-" + key[(pkey.Length + 1)..]);
                var outcome = await router.RouteAsync(placedDef, job.Tech.LayerNames, knobs, obstructions, routeDir, routeRuns, ct).ConfigureAwait(false);
                var features = FeatureExtractor.Extract(placement, new FeatureOptions { GridSize = spec.GridSize }, layers, obstructions, outcome.Congestion);
                var hotspot = HotspotLabeler.Label(placement, spec.GridSize, outcome.FirstPassFailedNets, HotspotLabeler.TracksPerMicron(job.Tech.Library.RoutingLayers, layers));
                var pinHot = HotspotLabeler.PinsAndLocalBoxes(placement, spec.GridSize, outcome.FirstPassFailedNets);
                var flat = FeatureChannels.All.SelectMany(c => features[c]).ToArray();
                SampleFiles.WriteFloats(SampleFiles.FeaturesPath(Root, key), flat);
                SampleFiles.WriteFloats(SampleFiles.HotspotPath(Root, key), hotspot);
                // The routed DEF is large and the labels are extracted: keep only the small outputs.
                if (outcome.RoutedDef is { } routed)
                    File.Delete(routed);
                var nets = placement.Nets.Count;
                records.Add(Stamp(new SampleRecord
                {
                    Key = key, Design = design, Density = density, Seed = seed, Layers = layers, Blockage = blockage, Derate = derate,
                    Status = "ok", GridSize = spec.GridSize, Channels = FeatureChannels.All,
                    Cells = placement.Cells.Count(c => !c.IsFiller),
                    Labels = new SampleLabels(nets, outcome.FirstPassFailed, nets == 0 ? 0 : (double)outcome.FirstPassFailed / nets, outcome.FinalFailedNets.Count, (int)hotspot.Sum())
                    {
                        HotspotVersion = SampleLabels.CurrentHotspotVersion, HotspotThreshold = HotspotLabeler.DemandThreshold, PinHotTiles = (int)pinHot.Sum(),
                    },
                    PlacedDef = Path.GetRelativePath(Root, placedDef),
                    Tools = routeRuns.Select(Provenance).ToList(),
                    CreatedAt = DateTimeOffset.UtcNow,
                }, job));
            }
            catch (ToolFailedException e)
            {
                records.Add(Failed(variant, e.Step, e.Message, routeRuns));
            }
        }

        return records;
    }

    /// <summary>
    /// The placed DEF of <paramref name="job"/> in <paramref name="project"/>: kept from an earlier run when its marker names
    /// the same source content, otherwise placed again with qflow (or copied in, for an imported DEF).
    /// </summary>
    private static async Task<string> PlaceOnceAsync(PlacementJob job, string project, QflowPlacer placer, List<ToolRun> placeRuns, CancellationToken ct)
    {
        var def = job.PlacedDef is { } imported ? Path.Combine(project, Path.GetFileName(imported)) : Path.Combine(project, "layout", job.Design + "_unroute.def");
        var marker = Path.Combine(project, "placed.ok");
        // The marker names the source content it was placed from: a changed source is placed again.
        var stamp = "source-sha256 " + job.SourceHash;
        if (File.Exists(marker) && File.Exists(def) && File.ReadLines(marker).FirstOrDefault() == stamp)
        {
            return def;
        }

        if (Directory.Exists(project))
            Directory.Delete(project, recursive: true);
        if (job.PlacedDef is { } source)
        {
            // A copy keeps the dataset whole when the user's file moves; routing reads the copy.
            Directory.CreateDirectory(project);
            File.Copy(source, def);
            File.WriteAllText(marker, stamp + "\nimported " + Path.GetFullPath(source));
            return def;
        }

        var placedDef = await placer.PlaceAsync(job.Rtl!, new PlacementKnobs(job.Density, job.Seed), project, placeRuns, ct).ConfigureAwait(false);
        File.WriteAllText(marker, stamp + "\n" + string.Join('\n', placeRuns.Select(r => r.Command)));
        return placedDef;
    }

    // Stable across processes (string.GetHashCode is not): the blockage of a placement is the same on resume.
    private static int BlockageSeed(string design, double density, int seed)
    {
        var hash = 17;
        foreach (var c in design)
            hash = unchecked(hash * 31 + c);
        return unchecked(hash * 1_000_003 + (int)Math.Round(density * 1000) * 7919 + seed) & 0x7fffffff;
    }

    private static ToolProvenance Provenance(ToolRun run) => new(run.Command, run.ExitCode, run.TimedOut, Math.Round(run.Seconds, 3));
}
