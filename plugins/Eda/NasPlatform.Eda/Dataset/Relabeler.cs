using Newtonsoft.Json;
using NasPlatform.Eda.Def;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Lef;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// Upgrades a dataset's good samples to the current hotspot label (<see cref="SampleLabels.CurrentHotspotVersion"/> at
/// <see cref="HotspotLabeler.DemandThreshold"/>)
/// without routing again: the labels come from the placed DEF under placements/ and qrouter's first-pass failed nets
/// (the route folder's stage1.txt), both kept by the builder. Samples whose files are gone are left as they are and named.
/// </summary>
public static class Relabeler
{
    /// <summary>Relabels the samples of <paramref name="root"/> made under another hotspot version or threshold; returns how many, and why others could not be.</summary>
    public static (int Relabelled, IReadOnlyList<string> Problems) Relabel(string root)
    {
        root = Path.GetFullPath(root);
        var problems = new List<string>();
        var relabelled = 0;
        var libraries = new Dictionary<string, LefLibrary>(StringComparer.Ordinal);
        foreach (var record in SampleFiles.ReadRecords(root))
        {
            if (!record.Succeeded || record.Labels is null || record.Labels.HasCurrentHotspot)
                continue;
            try
            {
                var (placement, failedNets, library) = Inputs(root, record, libraries);
                var hotspot = HotspotLabeler.Label(placement, record.GridSize, failedNets, HotspotLabeler.TracksPerMicron(library.RoutingLayers, record.Layers));
                var pinHot = HotspotLabeler.PinsAndLocalBoxes(placement, record.GridSize, failedNets);
                SampleFiles.WriteFloats(SampleFiles.HotspotPath(root, record.Key), hotspot);
                SampleFiles.WriteRecord(root, record with
                {
                    Labels = record.Labels with
                    {
                        HotTiles = (int)hotspot.Sum(), PinHotTiles = (int)pinHot.Sum(),
                        HotspotVersion = SampleLabels.CurrentHotspotVersion, HotspotThreshold = HotspotLabeler.DemandThreshold,
                    },
                });
                relabelled++;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or Parsing.LefDefFormatException or JsonException)
            {
                problems.Add($"{record.Key}: {e.Message}; rebuild it with 'nas eda dataset' (it rebuilds samples under an older label version).");
            }
        }

        return (relabelled, problems);
    }

    /// <summary>
    /// For each good sample (in record order) and each threshold, the share of its tiles whose first-pass-failed wire
    /// demand reaches that share of the routing capacity: how the version 2 label would spread under other thresholds.
    /// Samples whose placement or stage1.txt is gone are left out and named in the problems.
    /// </summary>
    public static (IReadOnlyList<(SampleRecord Record, double[] HotFractions)> Samples, IReadOnlyList<string> Problems) DemandHotFractions(
        string root, IReadOnlyList<SampleRecord> records, IReadOnlyList<double> thresholds)
    {
        root = Path.GetFullPath(root);
        var libraries = new Dictionary<string, LefLibrary>(StringComparer.Ordinal);
        var samples = new List<(SampleRecord, double[])>();
        var problems = new List<string>();
        foreach (var record in records.Where(r => r.Succeeded && r.Labels is not null && r.GridSize > 0))
        {
            try
            {
                var (placement, failedNets, library) = Inputs(root, record, libraries);
                var demand = HotspotLabeler.FailedDemand(placement, record.GridSize, failedNets);
                var capacity = HotspotLabeler.TracksPerMicron(library.RoutingLayers, record.Layers);
                samples.Add((record, thresholds.Select(t => demand.Count(d => d >= t * capacity) / (double)demand.Length).ToArray()));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or Parsing.LefDefFormatException or JsonException)
            {
                problems.Add($"{record.Key}: {e.Message}");
            }
        }

        return (samples, problems);
    }

    private static (Placement Placement, HashSet<string> FailedNets, LefLibrary Library) Inputs(string root, SampleRecord record, Dictionary<string, LefLibrary> libraries)
    {
        var library = Library(root, record, libraries);
        var placedDef = Path.Combine(root, record.PlacedDef ?? throw new InvalidDataException("the record names no placedDef"));
        var stage1 = Path.Combine(RouteFolder(root, record), "stage1.txt");
        if (!File.Exists(stage1))
            throw new FileNotFoundException($"{stage1} is missing (qrouter's first-pass failed nets)");
        var failedNets = File.ReadLines(stage1).Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        return (Placement.Build(DefReader.Read(placedDef), library), failedNets, library);
    }

    /// <summary>The folder qrouter ran in for a sample: placements/PLACEMENT/route-L{layers}-b{blockage}[-r{derate}].</summary>
    public static string RouteFolder(string root, SampleRecord record)
    {
        var suffix = DatasetBuilder.SampleKey("", record.Layers, record.Blockage, record.Derate);
        if (!record.Key.EndsWith(suffix, StringComparison.Ordinal))
            throw new InvalidDataException($"the key does not end with its routing condition '{suffix}'");
        return Path.Combine(root, "placements", record.Key[..^suffix.Length], "route" + suffix);
    }

    // qflow's cell LEF for generated and Verilog designs; the spec's --lef files for imported DEFs.
    private static LefLibrary Library(string root, SampleRecord record, Dictionary<string, LefLibrary> cache)
    {
        if (cache.TryGetValue(record.Technology, out var known))
            return known;
        IReadOnlyList<string> lefs;
        if (record.Technology.StartsWith("lef:", StringComparison.Ordinal))
        {
            lefs = SweepSpec.Read(Path.Combine(root, "spec.json")).Lefs;
        }
        else
        {
            lefs = [Path.Combine(DatasetBuilder.FindTechnology(record.Technology), record.Technology + "_stdcells.lef")];
        }

        var library = LefReader.Read(lefs.ToArray());
        cache[record.Technology] = library;
        return library;
    }
}
