using System.Text.Json;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Options;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Predictors;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// Which predictor a strategy or command uses and how it is trained, read from a strategy's
/// options (<see cref="PredictorOptions"/>), with defaults tuned on NAS-Bench-201.
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

    /// <summary>The settings that <paramref name="options"/> ask for.</summary>
    public static PredictorSettings From(PredictorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = new PredictorSettings();
        return new PredictorSettings
        {
            Predictor = options.Predictor,
            Pretrain = options.Pretrain,
            PretrainSamples = options.PretrainSamples,
            Mlp = defaults.Mlp with
            {
                EnsembleSize = options.EnsembleSize,
                HiddenWidth = options.HiddenWidth,
                HiddenLayers = options.HiddenLayers,
                Epochs = options.Epochs,
                LearningRate = options.LearningRate,
                WeightDecay = options.WeightDecay,
                RankingLossWeight = options.RankingLossWeight,
            },
            Search = defaults.Search with
            {
                RandomSamples = options.SearchSamples,
                Generations = options.SearchGenerations,
                Parents = options.SearchParents,
                MutationsPerParent = options.SearchMutations,
            },
        };
    }

    /// <summary>
    /// Reads the predictor keys (those of <see cref="PredictorOptions"/>) from any strategy's options, ignoring the
    /// others: commands that refit a predictor over an experiment whatever its strategy use this.
    /// </summary>
    /// <exception cref="NasConfigurationException">A predictor key has a value the options record refuses (an unknown predictor).</exception>
    public static PredictorSettings FromOptions(JObject options, string owner)
    {
        ArgumentNullException.ThrowIfNull(options);
        var known = typeof(PredictorOptions).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
        var subset = new JObject(options.Properties().Where(p => known.Contains(p.Name)).Select(p => new JProperty(p.Name, p.Value)));
        if ((string?)subset["predictor"] is { } name && !Names.Contains(name))
        {
            throw new NasConfigurationException($"{owner}: unknown predictor '{name}'; use one of {string.Join(", ", Names)}.");
        }

        return From(ComponentOptions.Bind<PredictorOptions>(subset.ToString(Newtonsoft.Json.Formatting.None)));
    }

    /// <summary>A new, unfitted predictor of the configured kind, from the predictors <paramref name="catalog"/> offers.</summary>
    /// <exception cref="NasConfigurationException">The host does not offer that predictor.</exception>
    public IPredictor CreatePredictor(PredictorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Create(this);
    }
}
