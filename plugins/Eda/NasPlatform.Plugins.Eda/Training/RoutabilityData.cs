using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Features;
using NasPlatform.Plugins.Eda.Export;

namespace NasPlatform.Plugins.Eda.Training;

/// <summary>
/// A dataset built by `nas eda dataset`, split by design into train, validation and test (never a design
/// in two splits), with every feature channel divided by its 99th percentile over the training split
/// (clipped at 4), so maps keep their absolute level across placements.
/// </summary>
public sealed class RoutabilityData
{
    /// <summary>A scaled channel value is clipped here (4 times the training split's 99th percentile).</summary>
    public const float Clip = 4f;

    private RoutabilityData(FeatureScaling scaling, IReadOnlyList<RoutabilitySample> train, IReadOnlyList<RoutabilitySample> validation, IReadOnlyList<RoutabilitySample> test, int failedSamples)
    {
        Scaling = scaling;
        var channels = scaling.Channels.Count;
        var grid = scaling.Grid;
        Channels = channels;
        Grid = grid;
        Train = train;
        Validation = validation;
        Test = test;
        FailedSamples = failedSamples;
    }

    public int Channels { get; }

    /// <summary>How the features were scaled (per channel, from the training split): what an exported model does to its input.</summary>
    public FeatureScaling Scaling { get; }

    public int Grid { get; }

    public IReadOnlyList<RoutabilitySample> Train { get; }

    public IReadOnlyList<RoutabilitySample> Validation { get; }

    public IReadOnlyList<RoutabilitySample> Test { get; }

    /// <summary>Samples whose tools failed: recorded in the dataset, left out of training and scoring.</summary>
    public int FailedSamples { get; }

    public static IEnumerable<string> Designs(IReadOnlyList<RoutabilitySample> split) => split.Select(s => s.Design).Distinct().Order(StringComparer.Ordinal);

    /// <summary>
    /// The first problem with the designs a user named for validation and test (an option name and a message, or
    /// null): a design with no samples, or whose samples all failed, names the dataset and lists the designs that
    /// have usable samples; a design in both lists is refused. Reads only the records, so it is cheap at start-up.
    /// </summary>
    public static (string Option, string Message)? CheckNamedDesigns(string root, IReadOnlyList<string> validation, IReadOnlyList<string> test)
    {
        if (validation.Count + test.Count == 0)
            return null;
        var records = SampleFiles.ReadRecords(root);
        var usable = records.Where(r => r.Succeeded).Select(r => r.Design).ToHashSet(StringComparer.Ordinal);
        var available = usable.Count == 0 ? "none" : string.Join(", ", usable.Order(StringComparer.Ordinal));
        foreach (var (option, names) in new[] { ("validationDesigns", validation), ("testDesigns", test) })
        {
            foreach (var name in names.Where(n => !usable.Contains(n)))
            {
                var recorded = records.Count(r => r.Design == name);
                var why = recorded == 0
                    ? "it has no samples there"
                    : $"all {recorded} of its samples failed (their records say why; fix the input and run 'nas eda dataset {root} ... --retry-failed')";
                return (option, $"design '{name}' cannot be scored: {why}. Designs with usable samples in {root}: {available}.");
            }
        }

        return validation.Intersect(test, StringComparer.Ordinal).FirstOrDefault() is { } both
            ? ("testDesigns", $"design '{both}' is named for both validation and test; a design belongs to one split.")
            : null;
    }

    /// <summary>
    /// Loads the dataset. Designs named in <paramref name="test"/> and <paramref name="validation"/> go there;
    /// when a list is empty, that many designs (<paramref name="heldOutDesigns"/>) are drawn with <paramref name="splitSeed"/>.
    /// </summary>
    public static RoutabilityData Load(string root, IReadOnlyList<string> validation, IReadOnlyList<string> test, int heldOutDesigns, int splitSeed)
    {
        var records = SampleFiles.ReadRecords(root);
        var ok = records.Where(r => r.Succeeded).ToList();
        if (ok.Count == 0)
            throw new InvalidDataException($"{root} has no successful samples ({records.Count} recorded); build the dataset with 'nas eda dataset {root}'.");
        var grid = ok[0].GridSize;
        var channels = ok[0].Channels.Count;
        if (ok.Any(r => r.GridSize != grid || r.Channels.Count != channels))
            throw new InvalidDataException($"{root}: samples differ in grid size or channels; build a dataset with one --grid.");

        var designs = ok.Select(r => r.Design).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var name in validation.Concat(test))
        {
            if (!designs.Contains(name))
                throw new ArgumentException($"Design '{name}' is not in {root}; it has {string.Join(", ", designs)}.");
        }

        var shuffled = designs.Except(validation).Except(test).ToList();
        new Random(splitSeed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        var testSet = test.Count > 0 ? test.ToHashSet() : shuffled.Take(heldOutDesigns).ToHashSet();
        var validationSet = validation.Count > 0 ? validation.ToHashSet() : shuffled.Except(testSet).Take(heldOutDesigns).ToHashSet();
        if (testSet.Overlaps(validationSet))
            throw new ArgumentException("A design is in both the validation and the test split.");
        if (designs.Count - testSet.Count - validationSet.Count < 1)
            throw new ArgumentException($"{root} has {designs.Count} designs: too few to hold out {testSet.Count} for test and {validationSet.Count} for validation and still train.");

        var samples = ok.Select(r => new RoutabilitySample(
            r.Key,
            r.Design,
            SampleFiles.ReadFloats(SampleFiles.FeaturesPath(root, r.Key), channels * grid * grid),
            SampleFiles.ReadFloats(SampleFiles.HotspotPath(root, r.Key), grid * grid),
            r.Labels!.FirstPassRatio,
            r.Condition,
            r.Density)).ToList();
        var train = samples.Where(s => !testSet.Contains(s.Design) && !validationSet.Contains(s.Design)).ToList();
        var scales = Scale(train, samples, channels, grid * grid);
        return new RoutabilityData(
            new FeatureScaling([.. ok[0].Channels], scales, Clip, grid),
            train,
            samples.Where(s => validationSet.Contains(s.Design)).ToList(),
            samples.Where(s => testSet.Contains(s.Design)).ToList(),
            records.Count - ok.Count);
    }

    private static float[] Scale(List<RoutabilitySample> train, List<RoutabilitySample> all, int channels, int tiles)
    {
        var scales = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var values = new List<float>(train.Count * tiles);
            foreach (var s in train)
                values.AddRange(s.Features.AsSpan(c * tiles, tiles).ToArray());
            values.Sort();
            var scale = values.Count == 0 ? 1f : values[(int)Math.Min(values.Count - 1, Math.Floor(0.99 * values.Count))];
            if (scale <= 0)
                scale = values.Count == 0 ? 1f : Math.Max(values[^1], 1e-12f);
            scales[c] = scale;
            foreach (var s in all)
            {
                var span = s.Features.AsSpan(c * tiles, tiles);
                for (var i = 0; i < span.Length; i++)
                    span[i] = Math.Min(span[i] / scale, Clip);
            }
        }

        return scales;
    }

    /// <summary>The position of a feature channel (a <see cref="FeatureChannels"/> name) in the model's input.</summary>
    public int ChannelIndex(string name)
    {
        var index = FeatureChannels.All.ToList().IndexOf(name);
        return index >= 0 && index < Channels ? index : throw new ArgumentException($"'{name}' is not one of the dataset's {Channels} channels ({string.Join(", ", FeatureChannels.All.Take(Channels))}).", nameof(name));
    }

    /// <summary>The channel names in feature order.</summary>
    public static IReadOnlyList<string> ChannelNames => FeatureChannels.All;
}
