using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>Registers <see cref="AdaptVqe"/> as "adapt-vqe".</summary>
public sealed class AdaptVqeFactory : SearchStrategyFactory<AdaptVqeOptions>
{
    /// <inheritdoc />
    public override string Name => "adapt-vqe";

    /// <inheritdoc />
    public override string Description => "ADAPT-VQE over the excitation space: append the pool operator with the largest energy gradient, re-optimize all angles from the previous ones, until chemical accuracy or a small gradient norm; optionally by gradient per CNOT, and pruned within chemical accuracy.";

    /// <inheritdoc />
    public override ISearchStrategy Create(AdaptVqeOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Space is not ExcitationSpace space)
        {
            throw new NasConfigurationException($"Strategy 'adapt-vqe' grows circuits of excitation operators: set the experiment's searchSpace to \"{ExcitationSpace.Name}\" (quantum plugin), got {context.Space.GetType().Name}.");
        }

        if (options.Pool is { } pool && pool != space.Pool.Kind)
        {
            throw new NasConfigurationException($"strategy.options.pool is \"{pool}\" but the excitation space's pool is \"{space.Pool.Kind}\"; set both to the same pool (the space builds the operators).");
        }

        var maxOperators = options.MaxOperators ?? space.MaxOperators;
        if (maxOperators > space.MaxOperators)
        {
            throw new NasConfigurationException($"strategy.options.maxOperators is {maxOperators} but the excitation space allows {space.MaxOperators}; raise searchSpace.options.maxOperators to {maxOperators} or lower the strategy's.");
        }

        if ((options.Prune || options.ExtraOperators > 0) && options.ChemicalAccuracy <= 0)
        {
            var option = options.Prune ? "prune" : "extraOperators";
            throw new NasConfigurationException($"$.strategy.options.{option}: \"{option}\" counts from the first circuit within chemical accuracy, but chemicalAccuracy is 0 (never reached); set $.strategy.options.chemicalAccuracy to the band (e.g. 0.0016) or remove \"{option}\".");
        }

        if (options.Regrow && !options.Prune)
        {
            throw new NasConfigurationException("$.strategy.options.regrow: \"regrow\" grows the removals that pruning tried; set $.strategy.options.prune to true, or remove \"regrow\".");
        }

        return new AdaptVqe(context, space, new AdaptVqeSettings(
            options.GradientThreshold,
            options.ChemicalAccuracy,
            maxOperators)
        {
            Selection = options.Selection,
            ExtraOperators = options.ExtraOperators,
            Prune = options.Prune,
            Regrow = options.Regrow,
        });
    }
}
