namespace NasPlatform.Abstractions.Search;

/// <summary>
/// Makes a strategy known by name: the host's strategies are composed by the CLI, a plugin's are registered with
/// <see cref="Plugins.IPluginRegistry.AddStrategy"/>. Derive from <see cref="SearchStrategyFactory{TOptions}"/> to
/// declare the options as a record.
/// </summary>
public interface ISearchStrategyFactory
{
    /// <summary>Name used in experiment files, e.g. "random" or "regularized-evolution".</summary>
    string Name { get; }

    /// <summary>One line for listings.</summary>
    string Description { get; }

    /// <summary>The options record: the schema of <c>strategy.options</c> is generated from it
    /// (<see cref="Options.ComponentOptions.SchemaFor(Type, string?)"/>) and the options are bound to it.</summary>
    Type OptionsType { get; }

    /// <summary>Creates a fresh strategy.</summary>
    /// <param name="options">The validated options, an instance of <see cref="OptionsType"/> with defaults filled in.</param>
    /// <param name="context">The space, objectives, fidelities and seed of the experiment.</param>
    ISearchStrategy Create(object options, StrategyContext context);
}
