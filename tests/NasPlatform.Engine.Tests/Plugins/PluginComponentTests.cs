using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

/// <summary>Creating components through a loaded plugin: the real HelloPlugin, across its load context.</summary>
public sealed class PluginComponentTests : IDisposable
{
    private const string Origin = "exp.json, $.searchSpace.options";
    private static readonly PluginCatalog Catalog = PluginCatalog.Load([BuiltPlugins.HelloFolder]);
    private readonly string _work = Directory.CreateTempSubdirectory("nas-plugin-work-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task CandidateFromTheLoadedSpaceIsEvaluatedByTheLoadedEvaluator()
    {
        var space = Catalog.CreateSearchSpace("hello", "digits", JObject.Parse("""{"length": 4}"""), _work, 1, Origin);
        var evaluator = Catalog.CreateEvaluator("hello", "target", JObject.Parse("""{"target": "3141"}"""), _work, 1, "exp.json, $.evaluator.options");

        var sampled = space.Sample(new Random(7));
        Assert.Empty(space.Validate(sampled));
        Assert.Equal(4, space.Encode(sampled).Length);
        var digits = sampled.ToJson()["digits"]!.Select(t => (int)t).ToArray();
        Assert.Equal(digits.Sum(), space.FreeStatistics(sampled)["sum"]);

        var full = evaluator.Fidelities.Single(f => f.Name == "full");
        var target = Candidate.Parse("""{"digits":[3,1,4,1]}""");
        var best = await evaluator.EvaluateAsync(new EvaluationRequest(target, full, 1, _work), new Progress<EvaluationProgress>(), CancellationToken.None);
        Assert.Equal(1.0, best.Metrics["score"]);
        Assert.Equal(4, best.Metrics["matches"]);

        var result = await evaluator.EvaluateAsync(new EvaluationRequest(sampled, full, 1, _work), new Progress<EvaluationProgress>(), CancellationToken.None);
        var expectedDistance = digits.Zip(new[] { 3, 1, 4, 1 }, (d, t) => Math.Abs(d - t)).Sum();
        Assert.Equal(expectedDistance, result.Metrics["distance"]);
        Assert.Equal(1.0 - (expectedDistance / 36.0), result.Metrics["score"], 12);
    }

    [Fact]
    public async Task QuickFidelityScoresOnlyTheFirstHalf()
    {
        var evaluator = Catalog.CreateEvaluator("hello", "target", JObject.Parse("""{"target": "3141"}"""), _work, 1, Origin);
        var quick = evaluator.Fidelities[0];
        Assert.Equal(["quick", "full"], evaluator.Fidelities.Select(f => f.Name));

        // Right first half, wrong second half: perfect at the quick fidelity only.
        var candidate = Candidate.Parse("""{"digits":[3,1,0,0]}""");
        var result = await evaluator.EvaluateAsync(new EvaluationRequest(candidate, quick, 1, _work), new Progress<EvaluationProgress>(), CancellationToken.None);

        Assert.Equal(1.0, result.Metrics["score"]);
        Assert.Equal(2, result.Metrics["matches"]);
    }

    [Fact]
    public void MutationChangesExactlyOneDigitAndCrossoverTakesEachDigitFromAParent()
    {
        var space = Catalog.CreateSearchSpace("hello", "digits", JObject.Parse("""{"length": 8}"""), _work, 1, Origin);
        var rng = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            var a = space.Sample(rng);
            var b = space.Sample(rng);
            var mutant = space.Mutate(a, rng);
            Assert.Equal(1, Digits(a).Zip(Digits(mutant)).Count(p => p.First != p.Second));

            var child = space.Crossover(a, b, rng);
            Assert.Empty(space.Validate(child));
            Assert.All(Digits(child).Select((d, k) => (d, k)), x => Assert.True(x.d == Digits(a)[x.k] || x.d == Digits(b)[x.k]));
        }
    }

    [Fact]
    public void ValidateListsEveryProblem()
    {
        var space = Catalog.CreateSearchSpace("hello", "digits", new JObject(), _work, 1, Origin);

        var problems = space.Validate(Candidate.Parse("""{"digits":[1,12,"x"],"other":1}"""));

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("'other'"));
        Assert.Contains(problems, p => p.Contains("has 3 entries"));
        Assert.Contains(problems, p => p.Contains("digits[1]"));
        Assert.Contains(problems, p => p.Contains("digits[2]"));
    }

    [Fact]
    public void InvalidOptionsNameTheOriginLineAndPath()
    {
        var options = JObject.Parse("{\n  \"length\": \"four\",\n  \"colour\": 1\n}");

        var e = Assert.Throws<NasConfigurationException>(() => Catalog.CreateSearchSpace("hello", "digits", options, _work, 1, Origin));

        Assert.StartsWith("exp.json, $.searchSpace.options: invalid options for search space 'digits' of plugin 'hello'", e.Message);
        Assert.Contains("exp.json:2:", e.Message);
        Assert.Contains("$.searchSpace.options.length: expected an integer", e.Message);
        Assert.Contains("$.searchSpace.options.colour", e.Message);
    }

    [Fact]
    public void OptionsInsideALargerDocumentAreReportedAtTheirPlaceInIt()
    {
        var experiment = JObject.Parse("{\n  \"name\": \"x\",\n  \"searchSpace\": {\n    \"options\": { \"length\": 0 }\n  }\n}");
        var options = (JObject)experiment["searchSpace"]!["options"]!;

        var e = Assert.Throws<NasConfigurationException>(() => Catalog.CreateSearchSpace("hello", "digits", options, _work, 1, Origin));

        Assert.Contains("exp.json:4:", e.Message);
        Assert.Contains(" $.searchSpace.options.length: expected an integer >= 1", e.Message);
    }

    [Fact]
    public void ComponentConfigurationExceptionBecomesAConfigurationErrorAtTheOption()
    {
        var options = JObject.Parse("{\n  \"targetFile\": \"missing.txt\"\n}");

        var e = Assert.Throws<NasConfigurationException>(() =>
            Catalog.CreateEvaluator("hello", "target", options, _work, 1, "exp.json, $.evaluator.options"));

        Assert.StartsWith("exp.json:2:", e.Message);
        Assert.Contains("$.evaluator.options.targetFile: file " + Path.Combine(_work, "missing.txt") + " does not exist", e.Message);
    }

    [Fact]
    public void RelativeOptionPathsResolveAgainstTheBaseDirectory()
    {
        File.WriteAllText(Path.Combine(_work, "target.txt"), "27\n");
        var evaluator = Catalog.CreateEvaluator("hello", "target", JObject.Parse("""{"targetFile": "target.txt"}"""), _work, 1, Origin);

        Assert.Equal(2, evaluator.Fidelities[^1].Settings["positions"]);
    }

    [Fact]
    public void UnknownPluginOrComponentListsWhatIsAvailable()
    {
        var plugin = Assert.Throws<NasConfigurationException>(() => Catalog.CreateSearchSpace("nope", "digits", new JObject(), _work, 1, Origin));
        Assert.Contains("Plugin 'nope' is not loaded: no readable plugin manifest on the search path gives that id (loaded: 'hello')", plugin.Message);

        var space = Assert.Throws<NasConfigurationException>(() => Catalog.CreateSearchSpace("hello", "letters", new JObject(), _work, 1, Origin));
        Assert.Contains("no search space named 'letters'. Available: 'digits'", space.Message);

        var evaluator = Assert.Throws<NasConfigurationException>(() => Catalog.CreateEvaluator("hello", "digits", new JObject(), _work, 1, Origin));
        Assert.Contains("no evaluator named 'digits'. Available: 'target'", evaluator.Message);
    }

    private static int[] Digits(Candidate c) => c.ToJson()["digits"]!.Select(t => (int)t).ToArray();
}
