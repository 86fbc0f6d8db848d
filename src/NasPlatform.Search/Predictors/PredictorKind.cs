using NasPlatform.Abstractions.Predictors;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// A predictor a host offers under a name that strategy options use ("gp", "mlp-ensemble"):
/// how to create a fresh, unfitted one from the settings.
/// </summary>
/// <param name="Name">The name in strategy options (<c>"predictor"</c>).</param>
/// <param name="Create">A new, unfitted predictor for the settings.</param>
public sealed record PredictorKind(string Name, Func<PredictorSettings, IPredictor> Create);
