using System.Globalization;
using Newtonsoft.Json;
using NasPlatform.Eda.Def;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Flow;
using NasPlatform.Eda.Lef;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// Builds a routability dataset: places each design x density x seed with qflow (in parallel), routes
/// each placement for each layers x blockage with qrouter, and stores features, labels and provenance
/// per sample. Finished samples are skipped, so a killed build resumes where it stopped.
/// </summary>
public sealed class DatasetBuilder(string root, SweepSpec spec, string techDirectory)
{
    public string Root { get; } = Path.GetFullPath(root);

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

    public static string SampleKey(string placementKey, int layers, double blockage) =>
        string.Create(CultureInfo.InvariantCulture, $"{placementKey}-L{layers}-b{blockage:0.###}");

    public async Task<int> BuildAsync(int parallel, IProgress<DatasetProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SampleFiles.SamplesFolder(Root));
        var specPath = Path.Combine(Root, "spec.json");
        var specText = JsonConvert.SerializeObject(spec, Formatting.Indented);
        if (File.Exists(specPath) && File.ReadAllText(specPath) != specText)
            File.Copy(specPath, specPath + ".previous", overwrite: true);
        File.WriteAllText(specPath, specText);

        var lef = Path.Combine(techDirectory, spec.Technology + "_stdcells.lef");
        if (!File.Exists(lef))
            throw new FileNotFoundException($"{lef} is missing: the technology folder {techDirectory} has no standard-cell LEF.");
        var library = LefReader.Read(lef);
        var layerNames = library.RoutingLayers.Select(l => l.Name).ToList();
        if (spec.Layers.Any(l => l > layerNames.Count))
            throw new ArgumentException($"layers: {spec.Technology} has {layerNames.Count} routing layers; the sweep asks for up to {spec.Layers.Max()}.");

        var work = new List<(string Design, double Density, int Seed)>();
        for (var seed = 1; seed <= spec.Seeds; seed++)
            foreach (var design in spec.Designs)
                foreach (var density in spec.Densities)
                    work.Add((design, density, seed));

        var total = spec.SampleCount;
        var existing = work.Sum(w => RoutingVariants(PlacementKey(w.Design, w.Density, w.Seed)).Count(k => File.Exists(SampleFiles.RecordPath(Root, k.Key))));
        var done = existing;
        var failed = 0;
        var started = DateTime.UtcNow;
        var gate = new object();
        var placer = new QflowPlacer(spec.Technology, TimeSpan.FromSeconds(spec.PlaceTimeoutSeconds));
        var router = new QrouterRunner(lef, TimeSpan.FromSeconds(spec.RouteTimeoutSeconds));

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var pkey = PlacementKey(item.Design, item.Density, item.Seed);
            var pending = RoutingVariants(pkey).Where(v => !File.Exists(SampleFiles.RecordPath(Root, v.Key))).ToList();
            if (pending.Count == 0)
                return;
            foreach (var record in await PlaceAndRouteAsync(item.Design, item.Density, item.Seed, pkey, pending, placer, router, library, layerNames, lef, ct).ConfigureAwait(false))
            {
                SampleFiles.WriteRecord(Root, record);
                lock (gate)
                {
                    done++;
                    if (!record.Succeeded)
                        failed++;
                    progress?.Report(new DatasetProgress(done, failed, total, existing, record, DateTime.UtcNow - started));
                }
            }
        }).ConfigureAwait(false);
        return done;
    }

    private IEnumerable<(string Key, int Layers, double Blockage)> RoutingVariants(string pkey) =>
        spec.Layers.SelectMany(l => spec.Blockages.Select(b => (SampleKey(pkey, l, b), l, b)));

    private async Task<List<SampleRecord>> PlaceAndRouteAsync(
        string design, double density, int seed, string pkey, List<(string Key, int Layers, double Blockage)> variants,
        QflowPlacer placer, QrouterRunner router, LefLibrary library, List<string> layerNames, string lef, CancellationToken ct)
    {
        var project = Path.Combine(Root, "placements", pkey);
        var placeRuns = new List<ToolRun>();
        var records = new List<SampleRecord>();
        SampleRecord Failed(string key, int layers, double blockage, string step, string error, IEnumerable<ToolRun> runs) => new()
        {
            Key = key, Design = design, Density = density, Seed = seed, Layers = layers, Blockage = blockage,
            Status = "failed", FailedStep = step, Error = error, Technology = spec.Technology,
            Tools = runs.Select(Provenance).ToList(), CreatedAt = DateTimeOffset.UtcNow,
        };

        string placedDef;
        Placement placement;
        try
        {
            var def = Path.Combine(project, "layout", design + "_unroute.def");
            var marker = Path.Combine(project, "placed.ok");
            if (File.Exists(marker) && File.Exists(def))
            {
                placedDef = def;
            }
            else
            {
                if (Directory.Exists(project))
                    Directory.Delete(project, recursive: true);
                placedDef = await placer.PlaceAsync(DesignGenerator.Generate(design), new PlacementKnobs(density, seed), project, placeRuns, ct).ConfigureAwait(false);
                File.WriteAllText(marker, string.Join('\n', placeRuns.Select(r => r.Command)));
            }

            placement = Placement.Build(DefReader.Read(placedDef), library);
        }
        catch (Exception e) when (e is ToolFailedException or Parsing.LefDefFormatException or IOException)
        {
            var step = e is ToolFailedException t ? t.Step : "read placement";
            return variants.Select(v => Failed(v.Key, v.Layers, v.Blockage, step, e.Message, placeRuns)).ToList();
        }

        foreach (var (key, layers, blockage) in variants)
        {
            var routeRuns = new List<ToolRun>(placeRuns);
            var knobs = new RoutingKnobs(layers, blockage, BlockageSeed(design, density, seed), spec.RouteEffort);
            var obstructions = Blockages.For(placement.Die, knobs);
            try
            {
                var routeDir = Path.Combine(project, "route-" + key[(pkey.Length + 1)..]);
                var outcome = await router.RouteAsync(placedDef, layerNames, knobs, obstructions, routeDir, routeRuns, ct).ConfigureAwait(false);
                var features = FeatureExtractor.Extract(placement, new FeatureOptions { GridSize = spec.GridSize }, layers, obstructions, outcome.Congestion);
                var hotspot = HotspotLabeler.Label(placement, spec.GridSize, outcome.FirstPassFailedNets);
                var flat = FeatureChannels.All.SelectMany(c => features[c]).ToArray();
                SampleFiles.WriteFloats(SampleFiles.FeaturesPath(Root, key), flat);
                SampleFiles.WriteFloats(SampleFiles.HotspotPath(Root, key), hotspot);
                // The routed DEF is large and the labels are extracted: keep only the small outputs.
                if (outcome.RoutedDef is { } routed)
                    File.Delete(routed);
                var nets = placement.Nets.Count;
                records.Add(new SampleRecord
                {
                    Key = key, Design = design, Density = density, Seed = seed, Layers = layers, Blockage = blockage,
                    Status = "ok", Technology = spec.Technology, GridSize = spec.GridSize, Channels = FeatureChannels.All,
                    Cells = placement.Cells.Count(c => !c.IsFiller),
                    Labels = new SampleLabels(nets, outcome.FirstPassFailed, nets == 0 ? 0 : (double)outcome.FirstPassFailed / nets, outcome.FinalFailedNets.Count, (int)hotspot.Sum()),
                    PlacedDef = Path.GetRelativePath(Root, placedDef),
                    Tools = routeRuns.Select(Provenance).ToList(),
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            catch (ToolFailedException e)
            {
                records.Add(Failed(key, layers, blockage, e.Step, e.Message, routeRuns));
            }
        }

        return records;
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
