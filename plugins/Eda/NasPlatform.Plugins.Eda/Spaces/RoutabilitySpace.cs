using System.Globalization;
using Newtonsoft.Json;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using static NasPlatform.Plugins.Eda.Spaces.RoutabilityChoices;

namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>
/// Encoder-decoder FCNs for routability (Chang et al. 2021): 1 to <see cref="MaxStages"/> encoder stages,
/// each with width, kernel, dilation, convolutions, down-sampling and skip choices; decoder up-sampling
/// and kernel; and the training recipe (learning rate, weight decay, epochs, batch size, hotspot loss
/// weight), searched jointly. Free statistics: parameters and forward FLOPs on the feature grid.
/// Encoding: per stage slot a presence bit, ordinal positions of the numeric choices and one-hots of the
/// categorical ones; then the decoder and recipe choices the same way.
/// </summary>
public sealed class RoutabilitySpace : ISearchSpace
{
    public const string Name = "routability-fcn";

    private const int StageSlotLength = 1 + 4 + 3 + 3;

    /// <summary>The space with every option at its default (<see cref="RoutabilitySpaceOptions"/>).</summary>
    public RoutabilitySpace()
        : this(new RoutabilitySpaceOptions())
    {
    }

    /// <summary>The space of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The stages or the grid do not fit together.</exception>
    public RoutabilitySpace(RoutabilitySpaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (minStages, maxStages, grid, channels) = (options.MinStages, options.MaxStages, options.Grid, options.Channels);
        if (minStages < 1 || maxStages > 4 || minStages > maxStages)
            throw new ArgumentException($"Stages must satisfy 1 <= minStages ({minStages}) <= maxStages ({maxStages}) <= 4.");
        if (grid % (1 << maxStages) != 0)
            throw new ArgumentException($"The grid ({grid}) must divide by 2^maxStages ({1 << maxStages}).");
        MinStages = minStages;
        MaxStages = maxStages;
        Grid = grid;
        Channels = channels;
    }

    public int MinStages { get; }

    public int MaxStages { get; }

    public int Grid { get; }

    public int Channels { get; }

    public int EncodingLength => 1 + MaxStages * StageSlotLength + 3 + 1 + 5;

    /// <summary>The space of an experiment file's options; stages and grid that do not fit together are a configuration error at maxStages.</summary>
    public static RoutabilitySpace Create(RoutabilitySpaceOptions options, ComponentContext context)
    {
        try
        {
            return new RoutabilitySpace(options);
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException("maxStages", e.Message, e);
        }
    }

    public Candidate Sample(Random rng)
    {
        var depth = rng.Next(MinStages, MaxStages + 1);
        return new RoutabilityNet(
            Enumerable.Range(0, depth).Select(_ => SampleStage(rng)).ToList(),
            Pick(Upsamples, rng),
            Pick(DecoderKernels, rng),
            new TrainingRecipe(Pick(LearningRates, rng), Pick(WeightDecays, rng), Pick(Epochs, rng), Pick(BatchSizes, rng), Pick(HotspotWeights, rng))).ToCandidate();
    }

    public Candidate Mutate(Candidate parent, Random rng)
    {
        var net = RoutabilityNet.From(parent);
        while (true)
        {
            var mutated = MutateOnce(net, rng);
            if (mutated != net && !mutated.ToCandidate().Equals(parent))
                return mutated.ToCandidate();
        }
    }

    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        var a = RoutabilityNet.From(first);
        var b = RoutabilityNet.From(second);
        var depth = rng.Next(2) == 0 ? a.Stages.Count : b.Stages.Count;
        var stages = Enumerable.Range(0, depth).Select(i =>
        {
            var fromA = i < a.Stages.Count ? a.Stages[i] : null;
            var fromB = i < b.Stages.Count ? b.Stages[i] : null;
            return (fromA, fromB) switch
            {
                ({ } x, { } y) => rng.Next(2) == 0 ? x : y,
                ({ } x, null) => x,
                (null, { } y) => y,
                _ => SampleStage(rng),
            };
        }).ToList();
        var recipe = new TrainingRecipe(
            Either(a.Recipe.LearningRate, b.Recipe.LearningRate, rng),
            Either(a.Recipe.WeightDecay, b.Recipe.WeightDecay, rng),
            Either(a.Recipe.Epochs, b.Recipe.Epochs, rng),
            Either(a.Recipe.BatchSize, b.Recipe.BatchSize, rng),
            Either(a.Recipe.HotspotWeight, b.Recipe.HotspotWeight, rng));
        return new RoutabilityNet(stages, Either(a.Upsample, b.Upsample, rng), Either(a.DecoderKernel, b.DecoderKernel, rng), recipe).ToCandidate();
    }

    public IReadOnlyList<string> Validate(Candidate candidate)
    {
        RoutabilityNet net;
        try
        {
            net = RoutabilityNet.From(candidate);
        }
        catch (JsonException e)
        {
            return [$"not a routability network: {e.Message}"];
        }

        var errors = new List<string>();
        if (net.Stages is null || net.Recipe is null)
            return ["stages and recipe are required."];
        if (net.Stages.Count < MinStages || net.Stages.Count > MaxStages)
            errors.Add($"stages: {net.Stages.Count}; this space allows {MinStages} to {MaxStages}.");
        for (var i = 0; i < net.Stages.Count; i++)
        {
            var s = net.Stages[i];
            Check(Widths, s.Width, $"stages[{i}].width", errors);
            Check(Kernels, s.Kernel, $"stages[{i}].kernel", errors);
            Check(Dilations, s.Dilation, $"stages[{i}].dilation", errors);
            Check(Convs, s.Convs, $"stages[{i}].convs", errors);
            Check(Downs, s.Down, $"stages[{i}].down", errors);
            Check(Skips, s.Skip, $"stages[{i}].skip", errors);
        }

        Check(Upsamples, net.Upsample, "upsample", errors);
        Check(DecoderKernels, net.DecoderKernel, "decoderKernel", errors);
        Check(LearningRates, net.Recipe.LearningRate, "recipe.learningRate", errors);
        Check(WeightDecays, net.Recipe.WeightDecay, "recipe.weightDecay", errors);
        Check(Epochs, net.Recipe.Epochs, "recipe.epochs", errors);
        Check(BatchSizes, net.Recipe.BatchSize, "recipe.batchSize", errors);
        Check(HotspotWeights, net.Recipe.HotspotWeight, "recipe.hotspotWeight", errors);
        return errors;
    }

    public double[] Encode(Candidate candidate)
    {
        var net = RoutabilityNet.From(candidate);
        var code = new List<double>(EncodingLength) { (net.Stages.Count - 1) / 3.0 };
        for (var i = 0; i < MaxStages; i++)
        {
            if (i < net.Stages.Count)
            {
                var s = net.Stages[i];
                code.AddRange([1, Ordinal(Widths, s.Width), Ordinal(Kernels, s.Kernel), Ordinal(Dilations, s.Dilation), Ordinal(Convs, s.Convs)]);
                code.AddRange(OneHot(Downs, s.Down));
                code.AddRange(OneHot(Skips, s.Skip));
            }
            else
            {
                code.AddRange(new double[StageSlotLength]);
            }
        }

        code.AddRange(OneHot(Upsamples, net.Upsample));
        code.Add(Ordinal(DecoderKernels, net.DecoderKernel));
        code.AddRange([
            Ordinal(LearningRates, net.Recipe.LearningRate), Ordinal(WeightDecays, net.Recipe.WeightDecay), Ordinal(Epochs, net.Recipe.Epochs),
            Ordinal(BatchSizes, net.Recipe.BatchSize), Ordinal(HotspotWeights, net.Recipe.HotspotWeight)]);
        return code.ToArray();
    }

    /// <summary>
    /// <c>stages=3</c>, then per encoder stage slot up to maxStages (empty past the candidate's last stage)
    /// <c>stage0.width</c>, <c>.kernel</c>, <c>.dilation</c>, <c>.convs</c>, <c>.down</c>, <c>.skip</c>, then
    /// <c>upsample</c>, <c>decoderKernel</c> and the recipe (<c>recipe.learningRate</c>, ...), named as in the candidate's JSON.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate)
    {
        var net = RoutabilityNet.From(candidate);
        var choices = new List<KeyValuePair<string, string>> { Choice("stages", net.Stages.Count) };
        for (var i = 0; i < MaxStages; i++)
        {
            var s = i < net.Stages.Count ? net.Stages[i] : null;
            var p = "stage" + i.ToString(CultureInfo.InvariantCulture) + ".";
            choices.AddRange([Choice(p + "width", s?.Width), Choice(p + "kernel", s?.Kernel), Choice(p + "dilation", s?.Dilation),
                Choice(p + "convs", s?.Convs), KeyValuePair.Create(p + "down", s?.Down ?? string.Empty), KeyValuePair.Create(p + "skip", s?.Skip ?? string.Empty)]);
        }

        var r = net.Recipe;
        choices.AddRange([KeyValuePair.Create("upsample", net.Upsample), Choice("decoderKernel", net.DecoderKernel),
            Choice("recipe.learningRate", r.LearningRate), Choice("recipe.weightDecay", r.WeightDecay), Choice("recipe.epochs", r.Epochs),
            Choice("recipe.batchSize", r.BatchSize), Choice("recipe.hotspotWeight", r.HotspotWeight)]);
        return choices;
    }

    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate)
    {
        var net = RoutabilityNet.From(candidate);
        var (parameters, flops) = NetworkCost.Of(net, Channels, Grid);
        return new Dictionary<string, double>
        {
            ["params"] = parameters,
            ["flops"] = flops,
            ["stages"] = net.Stages.Count,
            ["epochs"] = net.Recipe.Epochs,
        };
    }

    private static KeyValuePair<string, string> Choice(string name, IFormattable? value) =>
        KeyValuePair.Create(name, value?.ToString(null, CultureInfo.InvariantCulture) ?? string.Empty);

    private static EncoderStage SampleStage(Random rng) =>
        new(Pick(Widths, rng), Pick(Kernels, rng), Pick(Dilations, rng), Pick(RoutabilityChoices.Convs, rng), Pick(Downs, rng), Pick(Skips, rng));

    private RoutabilityNet MutateOnce(RoutabilityNet net, Random rng)
    {
        var stages = net.Stages.ToList();
        var r = net.Recipe;
        switch (rng.Next(11))
        {
            case 0:
                if (stages.Count < MaxStages && (stages.Count == MinStages || rng.Next(2) == 0))
                    stages.Add(SampleStage(rng));
                else if (stages.Count > MinStages)
                    stages.RemoveAt(stages.Count - 1);
                return net with { Stages = stages };
            case 1 or 2 or 3 or 4:
                var i = rng.Next(stages.Count);
                var s = stages[i];
                stages[i] = rng.Next(6) switch
                {
                    0 => s with { Width = Pick(Widths, rng) },
                    1 => s with { Kernel = Pick(Kernels, rng) },
                    2 => s with { Dilation = Pick(Dilations, rng) },
                    3 => s with { Convs = Pick(RoutabilityChoices.Convs, rng) },
                    4 => s with { Down = Pick(Downs, rng) },
                    _ => s with { Skip = Pick(Skips, rng) },
                };
                return net with { Stages = stages };
            case 5:
                return net with { Upsample = Pick(Upsamples, rng) };
            case 6:
                return net with { DecoderKernel = Pick(DecoderKernels, rng) };
            case 7:
                return net with { Recipe = r with { LearningRate = Pick(LearningRates, rng) } };
            case 8:
                return net with { Recipe = r with { WeightDecay = Pick(WeightDecays, rng) } };
            case 9:
                return net with { Recipe = rng.Next(2) == 0 ? r with { Epochs = Pick(Epochs, rng) } : r with { BatchSize = Pick(BatchSizes, rng) } };
            default:
                return net with { Recipe = r with { HotspotWeight = Pick(HotspotWeights, rng) } };
        }
    }

    private static T Pick<T>(T[] choices, Random rng) => choices[rng.Next(choices.Length)];

    private static T Either<T>(T a, T b, Random rng) => rng.Next(2) == 0 ? a : b;

    private static double Ordinal<T>(T[] choices, T value) => choices.Length == 1 ? 0 : Math.Max(0, Array.IndexOf(choices, value)) / (double)(choices.Length - 1);

    private static double[] OneHot<T>(T[] choices, T value) => choices.Select(c => EqualityComparer<T>.Default.Equals(c, value) ? 1.0 : 0.0).ToArray();

    private static void Check<T>(T[] choices, T value, string path, List<string> errors)
    {
        if (Array.IndexOf(choices, value) < 0)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {value} is not one of {string.Join(", ", choices)}."));
    }
}
