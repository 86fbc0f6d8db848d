using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Evaluation;

/// <summary>How a variational evaluator trains: the checked optimizer settings and the fidelities, cheapest first.</summary>
public sealed class VariationalTraining
{
    private VariationalTraining(OptimizerSettings optimizer, IReadOnlyList<Fidelity> fidelities)
    {
        Optimizer = optimizer;
        Fidelities = fidelities;
    }

    /// <summary>The optimizer settings.</summary>
    public OptimizerSettings Optimizer { get; }

    /// <summary>The fidelities, cheapest first.</summary>
    public IReadOnlyList<Fidelity> Fidelities { get; }

    /// <summary>Checks the training options and builds the fidelities.</summary>
    /// <exception cref="ComponentConfigurationException">A value is unusable.</exception>
    public static VariationalTraining From(VariationalEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Optimizer is not ("lbfgs" or "adam"))
        {
            throw new ComponentConfigurationException("optimizer", $"Unknown optimizer '{options.Optimizer}'; use \"lbfgs\" or \"adam\".");
        }

        _ = options.SimulatorPrecision();
        var settings = options.ToOptimizerSettings();
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException("optimizer", e.Message, e);
        }

        IReadOnlyList<Fidelity> fidelities;
        try
        {
            fidelities = TrainingFidelity.Build(options.Fidelities);
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException("fidelities", e.Message, e);
        }

        return new VariationalTraining(settings, fidelities);
    }

    /// <summary>The budget of one trial at <paramref name="fidelity"/>.</summary>
    public TrainingBudget BudgetFor(Fidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        var parsed = TrainingFidelity.TryParse(fidelity.Name)
            ?? throw new ArgumentException($"Fidelity '{fidelity.Name}' is not one of this evaluator's ({string.Join(", ", Fidelities.Select(f => f.Name))}).", nameof(fidelity));
        return new TrainingBudget(parsed.Steps, parsed.Restarts, Optimizer);
    }
}
