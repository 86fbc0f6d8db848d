using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>Registers <see cref="AdaptVqe"/> as "adapt-vqe".</summary>
public sealed class AdaptVqeFactory : ISearchStrategyFactory
{
    /// <inheritdoc />
    public string Name => "adapt-vqe";

    /// <inheritdoc />
    public string Description => "ADAPT-VQE over the excitation space: append the pool operator with the largest energy gradient, re-optimize all angles from the previous ones, until chemical accuracy or a small gradient norm.";

    /// <inheritdoc />
    public string OptionsSchema => """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "pool": { "enum": ["fermionic-sd", "qubit"], "description": "The pool (must be the excitation space's \"pool\"; stated here for the reader)." },
            "gradientThreshold": { "type": "number", "exclusiveMinimum": 0, "default": 0.001, "description": "Stop when the norm of the pool gradients is below this (Ha/rad)." },
            "chemicalAccuracy": { "type": "number", "minimum": 0, "default": 0.0016, "description": "Stop when energy_error is at most this (Ha); 0: never stop on accuracy." },
            "maxOperators": { "type": "integer", "minimum": 1, "description": "Most operators (default: the space's maxOperators; at most that)." }
          }
        }
        """;

    /// <inheritdoc />
    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Space is not ExcitationSpace space)
        {
            throw new NasConfigurationException($"Strategy 'adapt-vqe' grows circuits of excitation operators: set the experiment's searchSpace to \"{ExcitationSpace.Name}\" (quantum plugin), got {context.Space.GetType().Name}.");
        }

        var options = context.Options;
        if (options.Value<string>("pool") is { } pool && pool != space.Pool.Kind)
        {
            throw new NasConfigurationException($"strategy.options.pool is \"{pool}\" but the excitation space's pool is \"{space.Pool.Kind}\"; set both to the same pool (the space builds the operators).");
        }

        var maxOperators = options.Value<int?>("maxOperators") ?? space.MaxOperators;
        if (maxOperators > space.MaxOperators)
        {
            throw new NasConfigurationException($"strategy.options.maxOperators is {maxOperators} but the excitation space allows {space.MaxOperators}; raise searchSpace.options.maxOperators to {maxOperators} or lower the strategy's.");
        }

        return new AdaptVqe(context, space, new AdaptVqeSettings(
            options.Value<double?>("gradientThreshold") ?? 1e-3,
            options.Value<double?>("chemicalAccuracy") ?? 1.6e-3,
            maxOperators));
    }
}
