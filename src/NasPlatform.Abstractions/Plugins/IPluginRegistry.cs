using NasPlatform.Abstractions.Views;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Abstractions.Plugins;

/// <summary>Where a plugin declares what it offers.</summary>
public interface IPluginRegistry
{
    /// <summary>Registers a search space whose options are the record <typeparamref name="TOptions"/> .</summary>
    /// <typeparam name="TOptions">The options record: its JSON Schema is generated from it (<see cref="Options.ComponentOptions"/>),
    /// and the experiment file's options are validated against that schema, then bound to a new instance.</typeparam>
    /// <param name="name">Name used in experiment files (unique within the plugin).</param>
    /// <param name="description">One line for <c>nas plugins</c>.</param>
    /// <param name="factory">Creates the space from its bound options and the context.</param>
    void AddSearchSpace<TOptions>(string name, string description, Func<TOptions, ComponentContext, ISearchSpace> factory)
        where TOptions : class;

    /// <summary>Registers an evaluator whose options are the record <typeparamref name="TOptions"/> .</summary>
    /// <typeparam name="TOptions">The options record (see <see cref="AddSearchSpace{TOptions}"/>).</typeparam>
    /// <param name="name">Name used in experiment files (unique within the plugin).</param>
    /// <param name="description">One line for <c>nas plugins</c>.</param>
    /// <param name="factory">Creates the evaluator from its bound options and the context.</param>
    void AddEvaluator<TOptions>(string name, string description, Func<TOptions, ComponentContext, IEvaluator> factory)
        where TOptions : class;

    /// <summary>Registers a search strategy, offered to every experiment under its <see cref="ISearchStrategyFactory.Name"/>
    /// (which must not clash with the host's strategies or another plugin's).</summary>
    void AddStrategy(ISearchStrategyFactory factory);

    /// <summary>Registers a command of <c>nas</c> (see <see cref="PluginCommand"/>).</summary>
    void AddCommand(PluginCommand command);

    /// <summary>
    /// Registers the plugin's domain views of trials (<see cref="ITrialViews"/>), shown by <c>nas report</c> and
    /// the dashboard for experiments of this plugin, whichever of its evaluators measured them (the request names
    /// it). Once per plugin; since contract 1.2 this is the only way the host finds views.
    /// </summary>
    void AddTrialViews(ITrialViews views);
}
