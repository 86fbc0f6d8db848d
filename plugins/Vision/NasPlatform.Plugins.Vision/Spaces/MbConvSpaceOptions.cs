using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>The <c>mbconv</c> space as it searches: the choices of <see cref="MbConvOptions"/>, resolved (enums, duplicates dropped).</summary>
public sealed record MbConvSpaceOptions(
    InputShape Input,
    int[] StemWidths,
    IReadOnlyList<StageChoices> Stages,
    int[] Expansions,
    int[] Kernels,
    bool[] SqueezeExcite,
    Activation[] Activations,
    int[] Heads,
    bool SearchRecipe,
    int[] Epochs,
    int[] BatchSizes,
    bool MeasureLatency = false,
    RecipeChoices? Recipe = null,
    BlockKind[]? Blocks = null)
{
    /// <summary>Whether each stage chooses its block kind (a gene); when not, every stage is MBConv.</summary>
    public bool SearchesBlocks => Blocks is not null;

    /// <summary>The recipe search's regularisation choices (<see cref="RecipeChoices.Default"/> unless the options narrow them).</summary>
    public RecipeChoices RecipeValues => Recipe ?? RecipeChoices.Default;

    /// <summary>The space of <see cref="MbConvOptions"/>' defaults.</summary>
    public static MbConvSpaceOptions Default { get; } = From(new MbConvOptions());

    /// <summary>The space an experiment file's options describe (duplicate choices dropped, as before typed options).</summary>
    /// <exception cref="ComponentConfigurationException">The first stage may be skipped (depth 0).</exception>
    public static MbConvSpaceOptions From(MbConvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stages = options.Stages.Select(s => s.ToChoices()).ToList();
        if (stages[0].Depths.Contains(0))
        {
            throw new ComponentConfigurationException("stages[0].depths", "The first stage cannot be skipped: remove depth 0 from its choices.");
        }

        return new MbConvSpaceOptions(
            options.ToShape(),
            Ints(options.StemWidths),
            stages,
            Ints(options.Expansions),
            Ints(options.Kernels),
            options.SqueezeExcite,
            [.. options.Activations.Select(MbConvOptions.ActivationOf)],
            Ints(options.Heads),
            options.SearchRecipe,
            Ints(options.Epochs),
            Ints(options.BatchSizes),
            options.MeasureLatency,
            RecipeChoices.From(options.RecipeChoices),
            options.Blocks is { } blocks ? [.. blocks.Select(b => b == "fused" ? BlockKind.Fused : BlockKind.MbConv).Distinct()] : null);
    }

    private static int[] Ints(int[] values) => [.. values.Distinct()];
}
