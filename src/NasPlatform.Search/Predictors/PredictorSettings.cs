using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Predictors;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// Which predictor a strategy or command uses and how it is trained, read from a strategy's
/// options (the keys of <see cref="SchemaProperties"/>), with defaults tuned on NAS-Bench-201.
/// </summary>
public sealed record PredictorSettings
{
    /// <summary>"mlp-ensemble" or "gp".</summary>
    public string Predictor { get; init; } = MlpEnsembleOptions.PredictorName;

    /// <summary>Pretrain the MLP's trunk on the free statistics of sampled candidates before fitting measured metrics.</summary>
    public bool Pretrain { get; init; } = true;

    /// <summary>Candidates sampled for pretraining.</summary>
    public int PretrainSamples { get; init; } = 2000;

    /// <summary>The MLP ensemble's settings.</summary>
    public MlpEnsembleOptions Mlp { get; init; } = new();

    /// <summary>The evolutionary search on the predictor.</summary>
    public PredictorSearchOptions Search { get; init; } = new();

    /// <summary>The predictor names known.</summary>
    public static IReadOnlyList<string> Names { get; } = [MlpEnsembleOptions.PredictorName, GaussianProcessPredictor.PredictorName];

    /// <summary>True when the settings pretrain a predictor that can be pretrained.</summary>
    public bool PretrainsMlp => Pretrain && Predictor == MlpEnsembleOptions.PredictorName;

    /// <summary>JSON Schema properties (without braces) of the options this record reads, for strategies' option schemas.</summary>
    public const string SchemaProperties = """
            "predictor": { "description": "The accuracy predictor: an MLP ensemble in TorchSharp, or the Gaussian-process baseline.", "enum": ["mlp-ensemble", "gp"], "default": "mlp-ensemble" },
            "pretrain": { "description": "Pretrain the MLP's trunk on the free statistics of pretrainSamples sampled candidates (NARS) before fitting measured metrics.", "type": "boolean", "default": true },
            "pretrainSamples": { "description": "Candidates sampled for pretraining.", "type": "integer", "minimum": 10, "default": 2000 },
            "ensembleSize": { "description": "MLP ensemble members; their spread is the uncertainty.", "type": "integer", "minimum": 1, "maximum": 64, "default": 5 },
            "hiddenWidth": { "description": "Units per hidden layer of each MLP.", "type": "integer", "minimum": 1, "maximum": 4096, "default": 64 },
            "hiddenLayers": { "description": "Hidden layers of each MLP.", "type": "integer", "minimum": 1, "maximum": 8, "default": 2 },
            "epochs": { "description": "Full-batch Adam steps per fit on measured metrics.", "type": "integer", "minimum": 1, "default": 300 },
            "learningRate": { "description": "Adam's learning rate.", "type": "number", "exclusiveMinimum": 0, "default": 0.003 },
            "weightDecay": { "description": "L2 penalty on the MLP's weights.", "type": "number", "minimum": 0, "default": 0.0001 },
            "rankingLossWeight": { "description": "Weight of a pairwise ranking (RankNet) loss added to the MSE; 0 for MSE alone.", "type": "number", "minimum": 0, "default": 0 },
            "searchSamples": { "description": "Random candidates that start each evolutionary search on the predictor.", "type": "integer", "minimum": 0, "default": 1000 },
            "searchGenerations": { "description": "Generations of the evolutionary search on the predictor.", "type": "integer", "minimum": 0, "default": 10 },
            "searchParents": { "description": "Best-predicted candidates that parent each generation of the search on the predictor.", "type": "integer", "minimum": 1, "default": 50 },
            "searchMutations": { "description": "Mutants per parent per generation of the search on the predictor.", "type": "integer", "minimum": 0, "default": 4 }
        """;

    /// <summary>Reads the settings from a strategy's options; absent keys keep their defaults.</summary>
    /// <exception cref="NasConfigurationException">An unknown predictor name.</exception>
    public static PredictorSettings FromOptions(JObject options, string owner)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = new PredictorSettings();
        var predictor = options.Value<string>("predictor") ?? defaults.Predictor;
        if (!Names.Contains(predictor))
        {
            throw new NasConfigurationException($"{owner}: unknown predictor '{predictor}'; use one of {string.Join(", ", Names)}.");
        }

        var mlp = defaults.Mlp;
        var search = defaults.Search;
        return new PredictorSettings
        {
            Predictor = predictor,
            Pretrain = options.Value<bool?>("pretrain") ?? defaults.Pretrain,
            PretrainSamples = options.Value<int?>("pretrainSamples") ?? defaults.PretrainSamples,
            Mlp = mlp with
            {
                EnsembleSize = options.Value<int?>("ensembleSize") ?? mlp.EnsembleSize,
                HiddenWidth = options.Value<int?>("hiddenWidth") ?? mlp.HiddenWidth,
                HiddenLayers = options.Value<int?>("hiddenLayers") ?? mlp.HiddenLayers,
                Epochs = options.Value<int?>("epochs") ?? mlp.Epochs,
                LearningRate = options.Value<double?>("learningRate") ?? mlp.LearningRate,
                WeightDecay = options.Value<double?>("weightDecay") ?? mlp.WeightDecay,
                RankingLossWeight = options.Value<double?>("rankingLossWeight") ?? mlp.RankingLossWeight,
            },
            Search = search with
            {
                RandomSamples = options.Value<int?>("searchSamples") ?? search.RandomSamples,
                Generations = options.Value<int?>("searchGenerations") ?? search.Generations,
                Parents = options.Value<int?>("searchParents") ?? search.Parents,
                MutationsPerParent = options.Value<int?>("searchMutations") ?? search.MutationsPerParent,
            },
        };
    }

    /// <summary>A new, unfitted predictor of the configured kind, from the predictors <paramref name="catalog"/> offers.</summary>
    /// <exception cref="NasConfigurationException">The host does not offer that predictor.</exception>
    public IPredictor CreatePredictor(PredictorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Create(this);
    }
}
