using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Training;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The JSON form of a vision candidate, shared by both spaces and read by the evaluator:
/// <c>{"architecture": {"stem", "stages": [{"depth", "width", "stride", "expansion", "kernel", "se", "activation"}], "head"}, "recipe": {…}}</c>
/// for a searched MBConv network (a stage of Fused-MBConv blocks adds <c>"block": "fused"</c>), or <c>{"baseline": "lenet5", "recipe": {…}}</c>.
/// </summary>
public sealed record VisionCandidate(string? Baseline, int Stem, IReadOnlyList<StageGenes> Stages, int Head, TrainingRecipe Recipe)
{
    /// <summary>The network for this candidate on <paramref name="inChannels"/> x <paramref name="resolution"/>² inputs and <paramref name="classes"/> classes.</summary>
    public NetworkSpec Network(int inChannels, int resolution, int classes)
    {
        if (Baseline is not null)
        {
            return new NetworkSpec(inChannels, resolution, Baselines.Layers(Baseline, classes));
        }

        var layers = new List<LayerSpec> { new ConvLayer(Stem, 3, Activation: Stages[0].Activation) };
        foreach (var stage in Stages)
        {
            for (var i = 0; i < stage.Depth; i++)
            {
                layers.Add(stage.Layer(i));
            }
        }

        if (Head > 0)
        {
            layers.Add(new ConvLayer(Head, 1, Activation: Stages[^1].Activation));
        }

        layers.Add(new GlobalPoolLayer());
        layers.Add(new DropoutLayer());
        layers.Add(new LinearLayer(classes, Classifier: true));
        return new NetworkSpec(inChannels, resolution, layers);
    }

    /// <summary>Number of blocks (MBConv blocks, or the baseline's layers with weights).</summary>
    public int Depth(int classes) => Baseline is null
        ? Stages.Sum(s => s.Depth)
        : Baselines.Layers(Baseline, classes).Count(l => l is ConvLayer or MbConvLayer or ResidualBlockLayer or LinearLayer);

    public JObject ToJson()
    {
        var json = new JObject { ["recipe"] = RecipeJson(Recipe) };
        if (Baseline is not null)
        {
            json["baseline"] = Baseline;
            return json;
        }

        json["architecture"] = new JObject
        {
            ["stem"] = Stem,
            ["stages"] = new JArray(Stages.Select(StageJson)),
            ["head"] = Head,
        };
        return json;
    }

    private static JObject StageJson(StageGenes s)
    {
        var json = new JObject
        {
            ["depth"] = s.Depth,
            ["width"] = s.Width,
            ["stride"] = s.Stride,
            ["expansion"] = s.Expansion,
            ["kernel"] = s.Kernel,
            ["se"] = s.SqueezeExcite,
            ["activation"] = ActivationName(s.Activation),
        };

        // Written only for fused stages, so MBConv candidates keep their exact JSON (and identity) from before the choice existed.
        if (s.Block != BlockKind.MbConv)
        {
            json["block"] = BlockName(s.Block);
        }

        return json;
    }

    public Candidate ToCandidate() => Candidate.From(ToJson());

    /// <summary>Reads a candidate; bad JSON gives an <see cref="ArgumentException"/> naming the JSON path and what is expected.</summary>
    public static VisionCandidate Parse(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.ToJson() is not JObject json)
        {
            throw new ArgumentException("A vision candidate is a JSON object with \"architecture\" (or \"baseline\") and \"recipe\".");
        }

        var recipe = ParseRecipe(Object(json, "recipe"));
        if (json["baseline"] is { } baseline)
        {
            var name = baseline.Type == JTokenType.String ? (string)baseline! : string.Empty;
            if (!Baselines.Names.Contains(name))
            {
                throw Problem("baseline", $"is {baseline.ToString(Newtonsoft.Json.Formatting.None)}; use one of {string.Join(", ", Baselines.Names)}");
            }

            return new VisionCandidate(name, 0, [], 0, recipe);
        }

        var architecture = Object(json, "architecture");
        var stagesToken = architecture["stages"] as JArray ?? throw Problem("architecture.stages", "is missing or not an array of stages");
        if (stagesToken.Count == 0)
        {
            throw Problem("architecture.stages", "is empty; a network needs at least one stage");
        }

        var stages = stagesToken.Select((token, i) =>
        {
            var path = $"architecture.stages[{i}]";
            var stage = token as JObject ?? throw Problem(path, "is not an object");
            return new StageGenes(
                Int(stage, "depth", path, 0, 16),
                Int(stage, "width", path, 1, 4096),
                Int(stage, "stride", path, 1, 2),
                Int(stage, "expansion", path, 1, 8),
                Int(stage, "kernel", path, 1, 7),
                stage["se"]?.Type == JTokenType.Boolean ? (bool)stage["se"]! : throw Problem(path + ".se", "must be true or false"),
                ParseActivation(stage["activation"], path + ".activation"),
                ParseBlock(stage["block"], path + ".block"));
        }).ToList();
        foreach (var (stage, i) in stages.Select((s, i) => (s, i)))
        {
            if (stage.Kernel % 2 == 0)
            {
                throw Problem($"architecture.stages[{i}].kernel", $"is {stage.Kernel}; kernels must be odd (3, 5, 7)");
            }
        }

        return new VisionCandidate(null, Int(architecture, "stem", "architecture", 1, 4096), stages, Int(architecture, "head", "architecture", 0, 8192), recipe);
    }

    public static JObject RecipeJson(TrainingRecipe r)
    {
        var json = new JObject
        {
            ["optimizer"] = r.Optimizer == OptimizerKind.Sgd ? "sgd" : "adamw",
            ["learningRate"] = r.LearningRate,
            ["weightDecay"] = r.WeightDecay,
            ["epochs"] = r.Epochs,
            ["batchSize"] = r.BatchSize,
            ["labelSmoothing"] = r.LabelSmoothing,
            ["dropout"] = r.Dropout,
            ["mixup"] = r.Mixup,
            ["ema"] = r.Ema,
            ["augment"] = r.Augment,
        };

        // Written only when on, so candidates from before random erasing existed keep their exact JSON (and identity).
        if (r.Erase > 0)
        {
            json["erase"] = r.Erase;
        }

        return json;
    }

    public static TrainingRecipe ParseRecipe(JObject recipe)
    {
        var optimizer = recipe["optimizer"]?.Type == JTokenType.String ? (string)recipe["optimizer"]! : null;
        return new TrainingRecipe(
            optimizer switch
            {
                "sgd" => OptimizerKind.Sgd,
                "adamw" => OptimizerKind.AdamW,
                _ => throw Problem("recipe.optimizer", "must be \"sgd\" or \"adamw\""),
            },
            Real(recipe, "learningRate", 1e-6, 10),
            Real(recipe, "weightDecay", 0, 1),
            Int(recipe, "epochs", "recipe", 1, 1000),
            Int(recipe, "batchSize", "recipe", 1, 65536),
            Real(recipe, "labelSmoothing", 0, 0.5),
            Real(recipe, "dropout", 0, 0.9),
            Real(recipe, "mixup", 0, 10),
            Real(recipe, "ema", 0, 0.99999),
            Real(recipe, "augment", 0, 1),
            recipe["erase"] is null ? 0 : Real(recipe, "erase", 0, 1));
    }

    public static string ActivationName(Activation a) => a == Activation.HardSwish ? "hswish" : "relu";

    private static Activation ParseActivation(JToken? token, string path) =>
        token?.Type == JTokenType.String && (string)token! is "relu" or "hswish"
            ? (string)token! == "relu" ? Activation.Relu : Activation.HardSwish
            : throw Problem(path, "must be \"relu\" or \"hswish\"");

    public static string BlockName(BlockKind block) => block == BlockKind.Fused ? "fused" : "mbconv";

    private static BlockKind ParseBlock(JToken? token, string path) => token switch
    {
        null => BlockKind.MbConv,
        { Type: JTokenType.String } when (string)token! == "mbconv" => BlockKind.MbConv,
        { Type: JTokenType.String } when (string)token! == "fused" => BlockKind.Fused,
        _ => throw Problem(path, "must be \"mbconv\" or \"fused\""),
    };

    private static JObject Object(JObject parent, string name) =>
        parent[name] as JObject ?? throw Problem(name, "is missing or not an object");

    private static int Int(JObject parent, string name, string path, int min, int max)
    {
        var token = parent[name];
        if (token?.Type != JTokenType.Integer)
        {
            throw Problem($"{path}.{name}", "is missing or not a whole number");
        }

        var value = (long)token;
        return value >= min && value <= max ? (int)value : throw Problem($"{path}.{name}", $"is {value}; it must be between {min} and {max}");
    }

    private static double Real(JObject recipe, string name, double min, double max)
    {
        var token = recipe[name];
        if (token?.Type is not (JTokenType.Float or JTokenType.Integer))
        {
            throw Problem($"recipe.{name}", "is missing or not a number");
        }

        var value = (double)token;
        return value >= min && value <= max
            ? value
            : throw Problem($"recipe.{name}", $"is {value.ToString(CultureInfo.InvariantCulture)}; it must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
    }

    private static ArgumentException Problem(string path, string what) => new($"Vision candidate: {path} {what}.");
}
