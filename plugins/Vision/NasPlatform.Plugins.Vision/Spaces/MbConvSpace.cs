using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// FBNetV3-style space scaled to small images: a 3x3 stem, stages of MBConv blocks (per stage: depth, width,
/// stride, expansion, kernel, squeeze-excitation, ReLU or h-swish, and MBConv or Fused-MBConv when the
/// options offer <c>blocks</c>), an optional 1x1 head, global pooling,
/// dropout and a linear classifier; and, jointly, the training recipe (<see cref="RecipeGenes"/>).
/// </summary>
public sealed class MbConvSpace : GenomeSpace
{
    public const string Name = "mbconv";
    private readonly MbConvSpaceOptions _options;
    private readonly RecipeGenes _recipe;

    public MbConvSpace(MbConvSpaceOptions options)
        : this(options, new RecipeGenes(!options.SearchRecipe, options.Epochs, options.BatchSizes, options.RecipeValues))
    {
    }

    private MbConvSpace(MbConvSpaceOptions options, RecipeGenes recipe)
        : base(GenesOf(options, recipe), options.Input, options.MeasureLatency)
    {
        _options = options;
        _recipe = recipe;
    }

    /// <summary>The space of an experiment file's options.</summary>
    public static MbConvSpace Create(MbConvOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        return new(MbConvSpaceOptions.From(options)) { MeasureTrainingThroughput = options.MeasureTrainingThroughput, Cache = context.Cache };
    }

    private static List<Gene> GenesOf(MbConvSpaceOptions o, RecipeGenes recipe)
    {
        var genes = new List<Gene> { new("architecture.stem", Features(o.StemWidths)) };
        for (var s = 0; s < o.Stages.Count; s++)
        {
            var p = $"architecture.stages[{s}]";
            genes.Add(new Gene(p + ".depth", Features(o.Stages[s].Depths)));
            genes.Add(new Gene(p + ".width", Features(o.Stages[s].Widths)));
            genes.Add(new Gene(p + ".stride", Features(o.Stages[s].Strides)));
            genes.Add(new Gene(p + ".expansion", Features(o.Expansions)));
            genes.Add(new Gene(p + ".kernel", Features(o.Kernels)));
            genes.Add(new Gene(p + ".se", [.. o.SqueezeExcite.Select(b => b ? 1.0 : 0.0)]));
            genes.Add(new Gene(p + ".activation", [.. o.Activations.Select(a => a == Activation.HardSwish ? 1.0 : 0.0)]));
            if (o.Blocks is { } blocks)
            {
                genes.Add(new Gene(p + ".block", [.. blocks.Select(b => b == BlockKind.Fused ? 1.0 : 0.0)]));
            }
        }

        genes.Add(new Gene("architecture.head", Features(o.Heads)));
        genes.AddRange(recipe.Genes);
        return genes;
    }

    private static int GenesPerStage(MbConvSpaceOptions o) => o.SearchesBlocks ? 8 : 7;

    private static double[] Features(int[] values) => [.. values.Select(v => (double)v)];

    // Short names keep the gene-by-gene codec on one screen; the base's names are genome and candidate (CA1725).
#pragma warning disable CA1725
    protected override VisionCandidate Decode(int[] g)
    {
        var o = _options;
        var perStage = GenesPerStage(o);
        var stages = new List<StageGenes>();
        for (var s = 0; s < o.Stages.Count; s++)
        {
            var at = 1 + s * perStage;
            stages.Add(new StageGenes(
                o.Stages[s].Depths[g[at]], o.Stages[s].Widths[g[at + 1]], o.Stages[s].Strides[g[at + 2]],
                o.Expansions[g[at + 3]], o.Kernels[g[at + 4]], o.SqueezeExcite[g[at + 5]], o.Activations[g[at + 6]],
                o.Blocks is { } blocks ? blocks[g[at + 7]] : BlockKind.MbConv));
        }

        var head = 1 + o.Stages.Count * perStage;
        return new VisionCandidate(null, o.StemWidths[g[0]], stages, o.Heads[g[head]], _recipe.Decode(g.AsSpan(head + 1)));
    }

    protected override (int[]? Genome, List<string> Problems) Encode(VisionCandidate c)
    {
        var o = _options;
        var problems = new List<string>();
        if (c.Baseline is not null)
        {
            return (null, [$"baseline '{c.Baseline}' is not in the '{Name}' space (use the 'baselines' space)"]);
        }

        if (c.Stages.Count != o.Stages.Count)
        {
            return (null, [$"architecture.stages has {c.Stages.Count} stages; this space has {o.Stages.Count}"]);
        }

        var genome = new List<int> { Find(o.StemWidths, c.Stem, "architecture.stem", problems) };
        for (var s = 0; s < o.Stages.Count; s++)
        {
            var p = $"architecture.stages[{s}]";
            var st = c.Stages[s];
            genome.Add(Find(o.Stages[s].Depths, st.Depth, p + ".depth", problems));
            genome.Add(Find(o.Stages[s].Widths, st.Width, p + ".width", problems));
            genome.Add(Find(o.Stages[s].Strides, st.Stride, p + ".stride", problems));
            genome.Add(Find(o.Expansions, st.Expansion, p + ".expansion", problems));
            genome.Add(Find(o.Kernels, st.Kernel, p + ".kernel", problems));
            genome.Add(Find(o.SqueezeExcite, st.SqueezeExcite, p + ".se", problems));
            genome.Add(Find(o.Activations, st.Activation, p + ".activation", problems));
            if (o.Blocks is { } blocks)
            {
                genome.Add(Find(blocks, st.Block, p + ".block", problems, VisionCandidate.BlockName));
            }
            else if (st.Block != BlockKind.MbConv)
            {
                problems.Add($"{p}.block is {VisionCandidate.BlockName(st.Block)}; this space offers only MBConv blocks (add \"blocks\": [\"mbconv\", \"fused\"] to its options)");
            }
        }

        genome.Add(Find(o.Heads, c.Head, "architecture.head", problems));
        var (recipe, recipeProblems) = _recipe.Encode(c.Recipe);
        problems.AddRange(recipeProblems);
        return problems.Count == 0 ? ([.. genome, .. recipe!], problems) : (null, problems);
    }
#pragma warning restore CA1725

    private static int Find<T>(T[] options, T value, string name, List<string> problems, Func<T, string>? format = null)
    {
        var index = Array.IndexOf(options, value);
        if (index < 0)
        {
            format ??= v => $"{v}";
            problems.Add($"{name} is {format(value)}; this space offers {string.Join(", ", options.Select(format))}");
        }

        return Math.Max(0, index);
    }
}
