using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Predictors;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// The predictors a host offers by name. This project offers the Gaussian process
/// (<see cref="Builtin"/>); the TorchSharp MLP ensemble lives in NasPlatform.Search.Torch, whose
/// <c>SearchComponents.Predictors</c> adds it, so nothing here loads a native library.
/// </summary>
public sealed class PredictorCatalog
{
    private readonly IReadOnlyList<PredictorKind> _kinds;

    private PredictorCatalog(IReadOnlyList<PredictorKind> kinds) => _kinds = kinds;

    /// <summary>The predictors of this project: the Gaussian-process baseline.</summary>
    public static PredictorCatalog Builtin { get; } = new([new PredictorKind(GaussianProcessPredictor.PredictorName, _ => new GaussianProcessPredictor())]);

    /// <summary>The names offered, in registration order.</summary>
    public IReadOnlyList<string> Names => _kinds.Select(k => k.Name).ToArray();

    /// <summary>This catalog plus <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">A predictor of that name is offered already.</exception>
    public PredictorCatalog With(PredictorKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (_kinds.Any(k => k.Name == kind.Name))
        {
            throw new ArgumentException($"A predictor named '{kind.Name}' is offered already.", nameof(kind));
        }

        return new PredictorCatalog([.. _kinds, kind]);
    }

    /// <summary>A new, unfitted predictor of the kind <paramref name="settings"/> name.</summary>
    /// <exception cref="NasConfigurationException">This host does not offer that predictor.</exception>
    public IPredictor Create(PredictorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var kind = _kinds.FirstOrDefault(k => k.Name == settings.Predictor)
            ?? throw new NasConfigurationException(
                $"The predictor '{settings.Predictor}' is not offered by this host; it offers {string.Join(", ", Names)}.");
        return kind.Create(settings);
    }
}
