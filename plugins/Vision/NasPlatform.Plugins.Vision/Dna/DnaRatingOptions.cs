using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Evaluation;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>Options of the <c>dna-rating</c> evaluator (see <see cref="Schema"/>).</summary>
/// <param name="Data">The data options, as the <c>train</c> evaluator reads them (also used for final training).</param>
/// <param name="TeacherRecipe">The teacher's training recipe (the default with the options' changes).</param>
/// <param name="TeacherEpochs">Epochs the teacher trains for.</param>
/// <param name="TeacherImages">Training images the teacher sees (a seeded choice among the search-training images).</param>
/// <param name="TeacherFolder">Where teachers are cached; null: <c>dna-teachers</c> beside the trial folders, in the store's artifacts folder.</param>
/// <param name="ValidationImages">Validation-split images a rating is measured on.</param>
/// <param name="Fidelities">Rating fidelities, cheapest first.</param>
public sealed record DnaRatingOptions(VisionEvaluatorOptions Data, Training.TrainingRecipe TeacherRecipe, int TeacherEpochs, int TeacherImages, string? TeacherFolder, int ValidationImages, IReadOnlyList<DnaRatingFidelity> Fidelities)
{
    public const string Schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "dataset": { "enum": ["fashion-mnist", "image-folder"], "description": "As for the train evaluator." },
        "dataFolder": { "type": "string", "minLength": 1 },
        "trainFolder": { "type": "string", "minLength": 1 },
        "testFolder": { "type": "string", "minLength": 1 },
        "validationSize": { "type": "integer", "minimum": 1, "description": "The last N training images are the validation split (default 10000)." },
        "threads": { "type": "integer", "minimum": 1, "maximum": 64, "description": "LibTorch threads (default 1)." },
        "teacherEpochs": { "type": "integer", "minimum": 1, "maximum": 200, "description": "Epochs of the teacher's training (default 3)." },
        "teacherRecipe": {
          "type": "object", "additionalProperties": false,
          "properties": {
            "optimizer": { "enum": ["sgd", "adamw"] }, "learningRate": { "type": "number" }, "weightDecay": { "type": "number" },
            "batchSize": { "type": "integer", "minimum": 1 }, "labelSmoothing": { "type": "number" },
            "dropout": { "type": "number" }, "mixup": { "type": "number" }, "ema": { "type": "number" }, "augment": { "type": "number" }
          },
          "description": "Changes to the default recipe (AdamW 0.002, weight decay 0.05, batch 128, label smoothing 0.1, dropout 0.1, augmentation 0.5) for the teacher."
        },
        "teacherImages": { "type": "integer", "minimum": 16, "description": "Search-training images the teacher trains on (default 20000)." },
        "teacherFolder": { "type": "string", "minLength": 1, "description": "Folder of cached teachers (teacher-<key>.bin, .json); relative to the experiment file. Default: dna-teachers in the experiment's artifacts folder next to its store." },
        "validationImages": { "type": "integer", "minimum": 16, "description": "Validation images each rating is measured on (default 512)." },
        "fidelities": {
          "type": "array", "minItems": 1,
          "items": {
            "type": "object", "additionalProperties": false, "required": ["images", "epochs"],
            "properties": {
              "images": { "type": "integer", "minimum": 16, "description": "training images whose teacher activations a stage learns from" },
              "epochs": { "type": "integer", "minimum": 1, "maximum": 100, "description": "epochs of imitation" }
            }
          },
          "description": "Rating fidelities, cheapest first; the last ranks. Default n256-e2, n1024-e3."
        }
      }
    }
    """;

    private static readonly string[] DataKeys = ["dataset", "dataFolder", "trainFolder", "testFolder", "validationSize", "threads"];

    public static DnaRatingOptions From(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = context.Options;
        var data = new JObject(o.Properties().Where(p => DataKeys.Contains(p.Name)).Select(p => new JProperty(p.Name, p.Value.DeepClone())));
        var fidelities = o["fidelities"] is JArray ladder
            ? ladder.Select(f => new DnaRatingFidelity((int)f["images"]!, (int)f["epochs"]!)).ToList()
            : DnaRatingFidelity.DefaultLadder;
        if (fidelities.Select(f => f.Name).Distinct().Count() != fidelities.Count)
        {
            throw new ComponentConfigurationException("fidelities", "Two fidelities have the same images and epochs; each must differ.");
        }

        return new DnaRatingOptions(
            VisionEvaluatorOptions.From(context with { Options = data }),
            DnaBlockSpaceOptions.RecipeFrom(o, "teacherRecipe"),
            o.Value<int?>("teacherEpochs") ?? 3,
            o.Value<int?>("teacherImages") ?? 20000,
            o.Value<string>("teacherFolder") is { } folder ? context.ResolvePath(folder) : null,
            o.Value<int?>("validationImages") ?? 512,
            fidelities);
    }
}
