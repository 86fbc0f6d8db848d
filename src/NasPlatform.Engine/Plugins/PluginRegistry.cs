using NasPlatform.Abstractions.Views;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Plugins;

/// <summary>
/// Collects what one plugin registers. Problems are gathered rather than thrown, so a plugin that
/// catches exceptions inside <see cref="INasPlugin.Register"/> cannot hide them.
/// </summary>
internal sealed class PluginRegistry : IPluginRegistry
{
    private readonly List<ComponentRegistration<ISearchSpace>> _searchSpaces = [];
    private readonly List<ComponentRegistration<IEvaluator>> _evaluators = [];
    private readonly List<ISearchStrategyFactory> _strategies = [];
    private readonly List<PluginCommand> _commands = [];
    private readonly List<string> _problems = [];
    private ITrialViews? _trialViews;

    public IReadOnlyList<ComponentRegistration<ISearchSpace>> SearchSpaces => _searchSpaces;

    public IReadOnlyList<ComponentRegistration<IEvaluator>> Evaluators => _evaluators;

    public IReadOnlyList<ISearchStrategyFactory> Strategies => _strategies;

    public IReadOnlyList<PluginCommand> Commands => _commands;

    public ITrialViews? TrialViews => _trialViews;

    /// <summary>Registration mistakes, one sentence each, saying what to fix.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public void AddSearchSpace<TOptions>(string name, string description, Func<TOptions, ComponentContext, ISearchSpace> factory)
        where TOptions : class =>
        AddTyped(_searchSpaces, "search space", name, description, factory);

    public void AddEvaluator<TOptions>(string name, string description, Func<TOptions, ComponentContext, IEvaluator> factory)
        where TOptions : class =>
        AddTyped(_evaluators, "evaluator", name, description, factory);

    public void AddStrategy(ISearchStrategyFactory factory)
    {
        if (factory is null || string.IsNullOrWhiteSpace(factory.Name))
        {
            _problems.Add("a strategy was registered without a factory or with an empty name; pass a factory whose Name experiment files will use");
            return;
        }

        if (_strategies.Any(s => s.Name == factory.Name))
        {
            _problems.Add($"strategy '{factory.Name}' is registered twice; names must be unique");
            return;
        }

        if (SchemaProblem(factory.OptionsType, $"strategy '{factory.Name}'") is { } problem)
        {
            _problems.Add(problem);
            return;
        }

        _strategies.Add(factory);
    }

    public void AddCommand(PluginCommand command)
    {
        var problem = PluginCommandCheck.Problem(command, _commands);
        if (problem is not null)
        {
            _problems.Add(problem);
            return;
        }

        _commands.Add(command);
    }

    public void AddTrialViews(ITrialViews views)
    {
        if (views is null)
        {
            _problems.Add("AddTrialViews was called with null; pass the plugin's ITrialViews");
        }
        else if (_trialViews is not null)
        {
            _problems.Add($"trial views are registered twice ({_trialViews.GetType().Name} and {views.GetType().Name}); register one ITrialViews per plugin and let it choose by the request's evaluator name");
        }
        else
        {
            _trialViews = views;
        }
    }

    private void AddTyped<T, TOptions>(List<ComponentRegistration<T>> into, string kind, string name, string description, Func<TOptions, ComponentContext, T> factory)
        where TOptions : class
    {
        if (!Acceptable(into, kind, name, factory))
        {
            return;
        }

        if (SchemaProblem(typeof(TOptions), $"{kind} '{name}'") is { } problem)
        {
            _problems.Add(problem);
            return;
        }

        var schema = ComponentOptions.SchemaFor<TOptions>($"{name} {kind} options");
        into.Add(new ComponentRegistration<T>(name, description ?? string.Empty, schema, typeof(TOptions), (context, options) => factory((TOptions)options, context)));
    }

    // An options type whose schema cannot be generated (no properties, an unsupported member type) is the plugin's bug: say so at load.
    private static string? SchemaProblem(Type? optionsType, string what)
    {
        if (optionsType is null)
        {
            return $"{what} declares no options type; return the options record's type from OptionsType (NoOptions when it has none)";
        }

        try
        {
            SchemaValidator.ParseSchema(ComponentOptions.SchemaFor(optionsType, null), $"{what} options schema");
            return null;
        }
        catch (Exception e) when (e is NasConfigurationException or ArgumentException or InvalidOperationException or NotSupportedException or System.Text.Json.JsonException)
        {
            return $"{what}: no options schema can be made from {optionsType.Name}: {e.Message}";
        }
    }

    private bool Acceptable<T, TFactory>(List<ComponentRegistration<T>> into, string kind, string name, TFactory? factory)
        where TFactory : class
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            _problems.Add($"a {kind} was registered with an empty name; give it the name experiment files will use");
            return false;
        }

        if (into.Any(r => string.Equals(r.Name, name, StringComparison.Ordinal)))
        {
            _problems.Add($"{kind} '{name}' is registered twice; names must be unique within a plugin");
            return false;
        }

        if (factory is null)
        {
            _problems.Add($"{kind} '{name}' was registered without a factory");
            return false;
        }

        return true;
    }
}
