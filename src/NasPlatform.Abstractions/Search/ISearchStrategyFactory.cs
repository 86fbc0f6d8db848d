namespace NasPlatform.Abstractions.Search;

/// <summary>
/// Makes a strategy known by name. The engine finds every public non-abstract implementation
/// with a parameterless constructor, so adding a strategy is writing a class.
/// </summary>
public interface ISearchStrategyFactory
{
    /// <summary>Name used in experiment files, e.g. "random" or "regularized-evolution".</summary>
    string Name { get; }

    /// <summary>One line for listings.</summary>
    string Description { get; }

    /// <summary>JSON Schema of the strategy's options object.</summary>
    string OptionsSchema { get; }

    /// <summary>Creates a fresh strategy.</summary>
    ISearchStrategy Create(StrategyContext context);
}
