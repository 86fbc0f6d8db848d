using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// A candidate of the <c>dna-block</c> space: the stage that replaces block <see cref="Block"/> of the named
/// <see cref="Teacher"/>, as <c>{"teacher": "mobilenetv2-like", "block": 1, "stage": {"depth", "width", "stride",
/// "expansion", "kernel", "se", "activation"}}</c>. Width and stride are the teacher block's, so the stage has the
/// block's input and output shape and the evaluator needs nothing but the candidate.
/// </summary>
public sealed record DnaBlockCandidate(string Teacher, int Block, StageGenes Stage)
{
    public JObject ToJson() => new()
    {
        ["teacher"] = Teacher,
        ["block"] = Block,
        ["stage"] = new JObject
        {
            ["depth"] = Stage.Depth,
            ["width"] = Stage.Width,
            ["stride"] = Stage.Stride,
            ["expansion"] = Stage.Expansion,
            ["kernel"] = Stage.Kernel,
            ["se"] = Stage.SqueezeExcite,
            ["activation"] = VisionCandidate.ActivationName(Stage.Activation),
        },
    };

    public Candidate ToCandidate() => Candidate.From(ToJson());

    /// <summary>Reads a candidate; anything else gives an <see cref="ArgumentException"/> naming the JSON path.</summary>
    public static DnaBlockCandidate Parse(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.ToJson() is not JObject json || json["teacher"]?.Type != JTokenType.String || json["block"]?.Type != JTokenType.Integer || json["stage"] is not JObject)
        {
            throw new ArgumentException("A DNA block candidate is {\"teacher\": NAME, \"block\": INDEX, \"stage\": {...}}; this is not one (a whole network is trained by `nas combine --retrain` or the `train` evaluator).");
        }

        var teacher = (string)json["teacher"]!;
        if (!Baselines.Names.Contains(teacher))
        {
            throw new ArgumentException($"DNA block candidate: teacher is '{teacher}'; use one of {string.Join(", ", Baselines.Names)}.");
        }

        // The stage has the shape of an MBConv stage: let the vision candidate parser check its fields and ranges.
        var wrapper = new JObject
        {
            ["architecture"] = new JObject { ["stem"] = 1, ["head"] = 0, ["stages"] = new JArray(json["stage"]!.DeepClone()) },
            ["recipe"] = VisionCandidate.RecipeJson(Training.TrainingRecipe.Default),
        };
        StageGenes stage;
        try
        {
            stage = VisionCandidate.Parse(Candidate.From(wrapper)).Stages[0];
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message.Replace("architecture.stages[0]", "stage", StringComparison.Ordinal), e);
        }

        return new DnaBlockCandidate(teacher, (int)json["block"]!, stage);
    }
}
