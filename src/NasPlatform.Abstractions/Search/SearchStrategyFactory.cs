using NasPlatform.Abstractions.Options;

namespace NasPlatform.Abstractions.Search;

/// <summary>
/// A strategy factory whose options are the record <typeparamref name="TOptions"/> (since contract 2.0): the
/// schema is generated from the record and the host binds <c>strategy.options</c> to it after validation, so each
/// option and its default are written once, in the record.
/// </summary>
/// <typeparam name="TOptions">The options record (see <see cref="ComponentOptions"/>).</typeparam>
public abstract class SearchStrategyFactory<TOptions> : ISearchStrategyFactory
    where TOptions : class
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc />
    public ISearchStrategy Create(object options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create((TOptions)options, context);
    }

    /// <summary>Creates a strategy for one experiment session.</summary>
    /// <param name="options">The bound options, defaults filled in.</param>
    /// <param name="context">The space, objectives, fidelities and seed of the experiment.</param>
    public abstract ISearchStrategy Create(TOptions options, StrategyContext context);
}
