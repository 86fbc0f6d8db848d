using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The hand-designed baselines (<see cref="Baselines"/>) as a space: one gene picks the network, and the recipe
/// is the default (or searched, with "searchRecipe"), so a random search over four trials trains each baseline
/// with the same code and data as searched networks.
/// </summary>
public sealed class BaselineSpace : GenomeSpace
{
    public const string Name = "baselines";

    private readonly string[] _networks;
    private readonly RecipeGenes _recipe;

    public BaselineSpace(string[] networks, InputShape input, RecipeGenes recipe)
        : base([new Gene("baseline", [.. networks.Select(n => (double)Array.IndexOf([.. Baselines.Names], n))]), .. recipe.Genes], input)
    {
        _networks = networks;
        _recipe = recipe;
    }

    /// <summary>The space of an experiment file's options.</summary>
    public static BaselineSpace Create(BaselineOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BaselineSpace([.. options.Networks], options.ToShape(), new RecipeGenes(!options.SearchRecipe, options.Epochs, options.BatchSizes));
    }

    protected override VisionCandidate Decode(int[] genome) =>
        new(_networks[genome[0]], 0, [], 0, _recipe.Decode(genome.AsSpan(1)));

    protected override (int[]? Genome, List<string> Problems) Encode(VisionCandidate candidate)
    {
        var index = candidate.Baseline is null ? -1 : Array.IndexOf(_networks, candidate.Baseline);
        if (index < 0)
        {
            return (null, [$"the candidate is not one of this space's baselines ({string.Join(", ", _networks)})"]);
        }

        var (recipe, problems) = _recipe.Encode(candidate.Recipe);
        return recipe is null ? (null, problems) : ([index, .. recipe], problems);
    }
}
