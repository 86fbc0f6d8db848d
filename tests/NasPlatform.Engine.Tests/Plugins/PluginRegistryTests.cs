using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

public sealed class PluginRegistryTests
{
    private const string Schema = """{"type":"object"}""";

    [Fact]
    public void DuplicateNamesEmptyNamesAndBadSchemasAreProblems()
    {
        var registry = new PluginRegistry();

        registry.AddSearchSpace("s", "first", Schema, _ => Unreachable<ISearchSpace>());
        registry.AddSearchSpace("s", "second", Schema, _ => Unreachable<ISearchSpace>());
        registry.AddEvaluator("", "nameless", Schema, _ => Unreachable<IEvaluator>());
        registry.AddEvaluator("e", "bad schema", "{ not json", _ => Unreachable<IEvaluator>());
        registry.AddEvaluator("s", "same name as a space is fine", Schema, _ => Unreachable<IEvaluator>());

        Assert.Equal(["first"], registry.SearchSpaces.Select(s => s.Description));
        Assert.Equal(["s"], registry.Evaluators.Select(e => e.Name));
        Assert.Equal(3, registry.Problems.Count);
        Assert.Contains(registry.Problems, p => p.Contains("search space 's' is registered twice"));
        Assert.Contains(registry.Problems, p => p.Contains("empty name"));
        Assert.Contains(registry.Problems, p => p.Contains("evaluator 'e' options schema") && p.Contains("AddEvaluator"));
    }

    [Fact]
    public void Trial_views_are_registered_once_per_plugin()
    {
        var registry = new PluginRegistry();
        var first = new NoViews();

        registry.AddTrialViews(first);
        registry.AddTrialViews(new NoViews());
        registry.AddTrialViews(null!);

        Assert.Same(first, registry.TrialViews);
        Assert.Equal(2, registry.Problems.Count);
        Assert.Contains(registry.Problems, p => p.Contains("trial views are registered twice"));
        Assert.Contains(registry.Problems, p => p.Contains("AddTrialViews was called with null"));
    }

    [Fact]
    public void The_catalog_hands_out_the_views_a_plugin_registered_and_names_an_unloaded_plugin()
    {
        var catalog = PluginCatalog.Load([BuiltPlugins.PluginsFolder]);

        Assert.Equal("QuantumTrialViews", catalog.TrialViewsOf("quantum")?.GetType().Name);
        Assert.Equal("VisionTrialViews", catalog.TrialViewsOf("vision")?.GetType().Name);
        Assert.Equal("EdaTrialViews", catalog.TrialViewsOf("eda")?.GetType().Name);
        Assert.Null(catalog.TrialViewsOf("tabular"));
        var error = Assert.Throws<NasPlatform.Abstractions.NasConfigurationException>(() => catalog.TrialViewsOf("quantom"));
        Assert.Contains("Plugin 'quantom' is not loaded", error.Message);
    }

    private sealed class NoViews : NasPlatform.Abstractions.Views.ITrialViews
    {
        public IReadOnlyList<NasPlatform.Abstractions.Views.TrialView> Render(NasPlatform.Abstractions.Views.TrialViewRequest request, CancellationToken cancellationToken) => [];
    }

    private static T Unreachable<T>() => throw new InvalidOperationException("factories are not called at registration");
}
