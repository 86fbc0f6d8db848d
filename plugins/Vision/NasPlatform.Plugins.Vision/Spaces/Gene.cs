namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>One searched choice of a space: a name for messages, the number of options, and their numeric features.</summary>
/// <param name="Name">JSON-ish path, e.g. "stages[1].width" or "recipe.learningRate".</param>
/// <param name="Features">The value fed to predictors for each option index (e.g. the width, or log10 of the learning rate).</param>
public sealed record Gene(string Name, IReadOnlyList<double> Features)
{
    public int Count => Features.Count;
}
