using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Evaluation;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>The <c>dna-rating</c> evaluator's settings, resolved from <see cref="DnaRatingEvaluatorOptions"/>.</summary>
/// <param name="Data">The data options, as the <c>train</c> evaluator reads them (also used for final training).</param>
/// <param name="TeacherRecipe">The teacher's training recipe (the default with the options' changes).</param>
/// <param name="TeacherEpochs">Epochs the teacher trains for.</param>
/// <param name="TeacherImages">Training images the teacher sees (a seeded choice among the search-training images).</param>
/// <param name="TeacherFolder">Where teachers are cached; null: <c>dna-teachers</c> beside the trial folders, in the store's artifacts folder.</param>
/// <param name="ValidationImages">Validation-split images a rating is measured on.</param>
/// <param name="Fidelities">Rating fidelities, cheapest first.</param>
public sealed record DnaRatingOptions(VisionEvaluatorOptions Data, Training.TrainingRecipe TeacherRecipe, int TeacherEpochs, int TeacherImages, string? TeacherFolder, int ValidationImages, IReadOnlyList<DnaRatingFidelity> Fidelities)
{
    /// <summary>The evaluator's settings from an experiment file's options: data and teacher folder resolved against the file.</summary>
    /// <exception cref="ComponentConfigurationException">A folder is missing, two fidelities are the same, or the teacher's recipe is refused.</exception>
    public static DnaRatingOptions From(DnaRatingEvaluatorOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var fidelities = options.Fidelities.Select(f => f.ToFidelity()).ToList();
        if (fidelities.Select(f => f.Name).Distinct().Count() != fidelities.Count)
        {
            throw new ComponentConfigurationException("fidelities", "Two fidelities have the same images and epochs; each must differ.");
        }

        return new DnaRatingOptions(
            VisionEvaluatorOptions.From(options.ToTrainOptions(), context),
            (options.TeacherRecipe ?? new RecipeChangesOptions()).ApplyToDefault("teacherRecipe"),
            options.TeacherEpochs,
            options.TeacherImages,
            options.TeacherFolder is { } folder ? context.ResolvePath(folder) : null,
            options.ValidationImages,
            fidelities);
    }
}
