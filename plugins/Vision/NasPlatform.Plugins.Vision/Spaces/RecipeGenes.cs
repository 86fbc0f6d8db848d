using NasPlatform.Plugins.Vision.Training;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The training-recipe part of a genome (FBNetV3's joint search): optimizer, learning rate and weight decay
/// (as levels: each optimizer has its own ladder of values), epochs, batch size, label smoothing, dropout,
/// mixup, EMA and augmentation strength. With <c>fixed</c> every gene has one option: the default recipe.
/// </summary>
public sealed class RecipeGenes
{
    private static readonly double[] SgdRates = [0.025, 0.05, 0.1, 0.2];
    private static readonly double[] AdamWRates = [0.0005, 0.001, 0.002, 0.004];
    private static readonly double[] SgdDecays = [1e-5, 5e-5, 1e-4, 5e-4];
    private static readonly double[] AdamWDecays = [1e-3, 1e-2, 5e-2, 1e-1];

    private readonly int[] _epochs;
    private readonly int[] _batchSizes;
    private readonly double[] _labelSmoothing;
    private readonly double[] _dropout;
    private readonly double[] _mixup;
    private readonly double[] _ema;
    private readonly double[] _augment;
    private readonly double[]? _erase;
    private readonly bool _fixed;

    public RecipeGenes(bool fixedRecipe, int[] epochs, int[] batchSizes, RecipeChoices? choices = null)
    {
        _fixed = fixedRecipe;
        _epochs = epochs;
        _batchSizes = batchSizes;
        var c = choices ?? RecipeChoices.Default;
        (_labelSmoothing, _dropout, _mixup, _ema, _augment) = (c.LabelSmoothing, c.Dropout, c.Mixup, c.Ema, c.Augment);
        _erase = c.SearchesErase ? c.Erase : null;
        Genes = fixedRecipe
            ? []
            :
            [
                new Gene("recipe.optimizer", [0, 1]),
                new Gene("recipe.learningRate", [0, 1, 2, 3]),
                new Gene("recipe.weightDecay", [0, 1, 2, 3]),
                new Gene("recipe.epochs", [.. epochs.Select(e => (double)e)]),
                new Gene("recipe.batchSize", [.. batchSizes.Select(b => Math.Log2(b))]),
                new Gene("recipe.labelSmoothing", _labelSmoothing),
                new Gene("recipe.dropout", _dropout),
                new Gene("recipe.mixup", _mixup),
                new Gene("recipe.ema", _ema),
                new Gene("recipe.augment", _augment),
                .. _erase is null ? Array.Empty<Gene>() : [new Gene("recipe.erase", _erase)],
            ];
    }

    public IReadOnlyList<Gene> Genes { get; }

    public TrainingRecipe Decode(ReadOnlySpan<int> g)
    {
        if (_fixed)
        {
            return TrainingRecipe.Default;
        }

        var optimizer = g[0] == 0 ? OptimizerKind.Sgd : OptimizerKind.AdamW;
        return new TrainingRecipe(
            optimizer,
            (optimizer == OptimizerKind.Sgd ? SgdRates : AdamWRates)[g[1]],
            (optimizer == OptimizerKind.Sgd ? SgdDecays : AdamWDecays)[g[2]],
            _epochs[g[3]],
            _batchSizes[g[4]],
            _labelSmoothing[g[5]],
            _dropout[g[6]],
            _mixup[g[7]],
            _ema[g[8]],
            _augment[g[9]],
            _erase is null ? 0 : _erase[g[10]]);
    }

    /// <summary>The genes of <paramref name="recipe"/>, or the problems that keep it outside this space.</summary>
    public (int[]? Genes, List<string> Problems) Encode(TrainingRecipe recipe)
    {
        var problems = new List<string>();
        if (_fixed)
        {
            if (recipe != TrainingRecipe.Default)
            {
                problems.Add($"recipe: this space searches no recipe (\"searchRecipe\": false); the candidate's recipe must be the default {VisionCandidate.RecipeJson(TrainingRecipe.Default).ToString(Newtonsoft.Json.Formatting.None)}");
            }

            return (problems.Count == 0 ? [] : null, problems);
        }

        var sgd = recipe.Optimizer == OptimizerKind.Sgd;
        int[] genes =
        [
            sgd ? 0 : 1,
            Find(sgd ? SgdRates : AdamWRates, recipe.LearningRate, "recipe.learningRate", problems),
            Find(sgd ? SgdDecays : AdamWDecays, recipe.WeightDecay, "recipe.weightDecay", problems),
            Find([.. _epochs.Select(e => (double)e)], recipe.Epochs, "recipe.epochs", problems),
            Find([.. _batchSizes.Select(b => (double)b)], recipe.BatchSize, "recipe.batchSize", problems),
            Find(_labelSmoothing, recipe.LabelSmoothing, "recipe.labelSmoothing", problems),
            Find(_dropout, recipe.Dropout, "recipe.dropout", problems),
            Find(_mixup, recipe.Mixup, "recipe.mixup", problems),
            Find(_ema, recipe.Ema, "recipe.ema", problems),
            Find(_augment, recipe.Augment, "recipe.augment", problems),
            .. _erase is null ? Array.Empty<int>() : [Find(_erase, recipe.Erase, "recipe.erase", problems)],
        ];
        if (_erase is null && recipe.Erase != 0)
        {
            problems.Add($"recipe.erase is {recipe.Erase}; this space offers no random erasing (add \"erase\" to \"recipeChoices\")");
        }

        return (problems.Count == 0 ? genes : null, problems);
    }

    internal static int Find(double[] options, double value, string name, List<string> problems)
    {
        for (var i = 0; i < options.Length; i++)
        {
            if (Math.Abs(options[i] - value) <= 1e-12 * Math.Max(1, Math.Abs(value)))
            {
                return i;
            }
        }

        problems.Add($"{name} is {value}; this space offers {string.Join(", ", options)}");
        return 0;
    }
}
