using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>The <c>dna-block</c> space as it searches: the choices of <see cref="DnaBlockOptions"/>, resolved.</summary>
public sealed record DnaBlockSpaceOptions(
    string Teacher,
    InputShape Input,
    int[] Depths,
    int[] Expansions,
    int[] Kernels,
    bool[] SqueezeExcite,
    Activation[] Activations,
    TrainingRecipe Recipe)
{
    /// <summary>The space of <see cref="DnaBlockOptions"/>' defaults.</summary>
    public static DnaBlockSpaceOptions Default { get; } = From(new DnaBlockOptions());

    /// <summary>The space an experiment file's options describe (duplicate choices dropped, as before typed options).</summary>
    /// <exception cref="ComponentConfigurationException">The recipe's changes are refused.</exception>
    public static DnaBlockSpaceOptions From(DnaBlockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DnaBlockSpaceOptions(
            options.Teacher,
            options.ToShape(),
            Ints(options.Depths),
            Ints(options.Expansions),
            Ints(options.Kernels),
            [.. options.SqueezeExcite.Distinct()],
            [.. options.Activations.Select(MbConvOptions.ActivationOf).Distinct()],
            (options.Recipe ?? new RetrainRecipeOptions()).ApplyToDefault("recipe"));
    }

    private static int[] Ints(int[] values) => [.. values.Distinct()];
}
