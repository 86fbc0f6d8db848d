using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

public sealed class PluginRegistryTests
{
    [Fact]
    public void DuplicateNamesEmptyNamesAndBadSchemasAreProblems()
    {
        var registry = new PluginRegistry();

        registry.AddSearchSpace<NoOptions>("s", "first", (_, _) => Unreachable<ISearchSpace>());
        registry.AddSearchSpace<NoOptions>("s", "second", (_, _) => Unreachable<ISearchSpace>());
        registry.AddEvaluator<NoOptions>("", "nameless", (_, _) => Unreachable<IEvaluator>());
        registry.AddEvaluator<BrokenFragmentOptions>("e", "bad schema", (_, _) => Unreachable<IEvaluator>());
        registry.AddEvaluator<NoOptions>("s", "same name as a space is fine", (_, _) => Unreachable<IEvaluator>());

        Assert.Equal(["first"], registry.SearchSpaces.Select(s => s.Description));
        Assert.Equal(["s"], registry.Evaluators.Select(e => e.Name));
        Assert.Equal(3, registry.Problems.Count);
        Assert.Contains(registry.Problems, p => p.Contains("search space 's' is registered twice"));
        Assert.Contains(registry.Problems, p => p.Contains("empty name"));
        Assert.Contains(registry.Problems, p => p.Contains("evaluator 'e'") && p.Contains(nameof(BrokenFragmentOptions)));
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

    /// <summary>Options whose hand-written schema fragment is not JSON: a plugin bug, reported when the plugin loads.</summary>
    private sealed record BrokenFragmentOptions
    {
        [SchemaFragment("{ not json")]
        public System.Text.Json.JsonElement? Shape { get; init; }
    }

    private sealed class NoViews : NasPlatform.Abstractions.Views.ITrialViews
    {
        public IReadOnlyList<NasPlatform.Abstractions.Views.TrialView> Render(NasPlatform.Abstractions.Views.TrialViewRequest request, CancellationToken cancellationToken) => [];
    }

    private static T Unreachable<T>() => throw new InvalidOperationException("factories are not called at registration");
}
