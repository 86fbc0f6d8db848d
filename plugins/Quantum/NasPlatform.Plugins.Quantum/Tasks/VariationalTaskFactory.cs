using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;

namespace NasPlatform.Plugins.Quantum.Tasks;

/// <summary>A variational task whose evaluator options are the record <typeparamref name="TOptions"/>.</summary>
/// <typeparam name="TOptions">The training options plus the task's own.</typeparam>
public abstract class VariationalTaskFactory<TOptions> : IVariationalTaskFactory
    where TOptions : VariationalEvaluatorOptions
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc />
    public void AddEvaluator(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddEvaluator<TOptions>(Name, Description, (options, context) => VariationalEvaluator.Create(this, options, context));
    }

    /// <summary>Creates the task from its bound options.</summary>
    /// <exception cref="ComponentConfigurationException">An option is unusable; the error names it.</exception>
    public abstract IVariationalTask Create(TOptions options, ComponentContext context);

    /// <inheritdoc />
    IVariationalTask IVariationalTaskFactory.Create(VariationalEvaluatorOptions options, ComponentContext context) =>
        Create(options as TOptions ?? throw new ArgumentException($"Task '{Name}' takes {typeof(TOptions).Name}, not {options?.GetType().Name ?? "null"}.", nameof(options)), context);
}
