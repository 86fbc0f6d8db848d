using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Plugins.Vision.Evaluation;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>Options of the <c>dna-rating</c> evaluator as an experiment file gives them: the data (as for <c>train</c>), the teacher, and the rating fidelities.</summary>
public sealed record DnaRatingEvaluatorOptions : VisionDataOptions
{
    /// <summary>Epochs of the teacher's training.</summary>
    [Description("Epochs of the teacher's training.")]
    [Range(1, 200)]
    public int TeacherEpochs { get; init; } = 3;

    /// <summary>Changes to the default recipe for the teacher; null: the default recipe.</summary>
    [Description("Changes to the default recipe (AdamW 0.002, weight decay 0.05, batch 128, label smoothing 0.1, dropout 0.1, augmentation 0.5) for the teacher.")]
    public RecipeChangesOptions? TeacherRecipe { get; init; }

    /// <summary>Search-training images the teacher trains on.</summary>
    [Description("Search-training images the teacher trains on.")]
    [Range(16, int.MaxValue)]
    public int TeacherImages { get; init; } = 20000;

    /// <summary>Folder of cached teachers, relative to the experiment file; null: dna-teachers in the experiment's artifacts folder.</summary>
    [Description("Folder of cached teachers (teacher-<key>.bin, .json); relative to the experiment file. Default: dna-teachers in the experiment's artifacts folder next to its store.")]
    [MinLength(1)]
    public string? TeacherFolder { get; init; }

    /// <summary>Validation images each rating is measured on.</summary>
    [Description("Validation images each rating is measured on.")]
    [Range(16, int.MaxValue)]
    public int ValidationImages { get; init; } = 512;

    /// <summary>Rating fidelities, cheapest first; the last ranks.</summary>
    [Description("Rating fidelities, cheapest first; the last ranks.")]
    [MinLength(1)]
    public IReadOnlyList<DnaRatingFidelityOptions> Fidelities { get; init; } = [.. DnaRatingFidelity.DefaultLadder.Select(DnaRatingFidelityOptions.Of)];

    /// <summary>The data options, as the <c>train</c> evaluator reads them (its other options at their defaults).</summary>
    public TrainEvaluatorOptions ToTrainOptions() => new()
    {
        Dataset = Dataset,
        DataFolder = DataFolder,
        TrainFolder = TrainFolder,
        TestFolder = TestFolder,
        ValidationSize = ValidationSize,
        Threads = Threads,
    };
}
