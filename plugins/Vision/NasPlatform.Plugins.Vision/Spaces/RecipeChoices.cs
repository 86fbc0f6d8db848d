namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The values the joint recipe search may pick for the regularisation genes. Narrowing them is how a user
/// keeps a short proxy from choosing recipes that only win at a few epochs (no augmentation, no dropout):
/// for example <c>"recipeChoices": { "augment": [0.5, 1], "labelSmoothing": [0.1] }</c>.
/// </summary>
public sealed record RecipeChoices(double[] LabelSmoothing, double[] Dropout, double[] Mixup, double[] Ema, double[] Augment, double[] Erase)
{
    /// <summary>The full sets (<see cref="RecipeChoicesOptions"/>' defaults).</summary>
    public static RecipeChoices Default { get; } = From(new RecipeChoicesOptions());

    /// <summary>
    /// Random erasing is a gene only when the options offer more than "off", so the default space (and the genomes of
    /// stores made before it existed) stay as they were.
    /// </summary>
    public bool SearchesErase => Erase.Length > 1 || Erase[0] != 0;

    /// <summary>The choices of a <c>recipeChoices</c> option object, duplicates dropped.</summary>
    public static RecipeChoices From(RecipeChoicesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RecipeChoices(
            Distinct(options.LabelSmoothing), Distinct(options.Dropout), Distinct(options.Mixup), Distinct(options.Ema), Distinct(options.Augment), Distinct(options.Erase));
    }

    private static double[] Distinct(double[] values) => [.. values.Distinct()];
}
