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

    private static T Unreachable<T>() => throw new InvalidOperationException("factories are not called at registration");
}
