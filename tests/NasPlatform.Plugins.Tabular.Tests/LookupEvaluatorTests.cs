using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Tabular.Lookup;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Tests;

public sealed class LookupEvaluatorTests
{
    private const string Best6111 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";

    [Fact]
    public async Task Looks_up_accuracy_and_index_with_the_table_path_relative_to_the_experiment()
    {
        var experimentDir = Path.Combine(SharedTable.RepositoryRoot, "examples");
        var relative = Path.GetRelativePath(experimentDir, SharedTable.Path);
        var evaluator = LookupEvaluator.Create(new LookupOptions { Table = relative }, Context(experimentDir));

        var result = await Evaluate(evaluator, Best6111);

        Assert.Equal(94.3733, result.Metrics["accuracy"]);
        Assert.Equal(6111, result.Metrics["index"]);
        Assert.Equal(["200-epochs"], evaluator.Fidelities.Select(f => f.Name));
    }

    [Fact]
    public async Task Reports_the_accuracy_under_the_configured_metric_name()
    {
        var evaluator = LookupEvaluator.Create(new LookupOptions { Table = SharedTable.Path, Metric = "top1" }, Context("/"));

        var result = await Evaluate(evaluator, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

        Assert.Equal(10.0, result.Metrics["top1"]);
        Assert.False(result.Metrics.ContainsKey("accuracy"));
    }

    [Fact]
    public void The_metric_name_index_is_refused()
    {
        var error = Assert.Throws<ComponentConfigurationException>(() =>
            LookupEvaluator.Create(new LookupOptions { Table = SharedTable.Path, Metric = "index" }, Context("/")));

        Assert.Equal("metric", error.OptionPath);
    }

    [Fact]
    public async Task A_cell_missing_from_a_partial_table_fails_the_evaluation()
    {
        var dir = Directory.CreateTempSubdirectory("nas-tabular-partial-");
        try
        {
            var path = Path.Combine(dir.FullName, "partial.csv");
            File.WriteAllLines(path, ["index,arch,test_accuracy", $"6111,{Best6111},94.3733"]);
            var evaluator = LookupEvaluator.Create(new LookupOptions { Table = "partial.csv" }, Context(dir.FullName));

            Assert.Equal(94.3733, (await Evaluate(evaluator, Best6111)).Metrics["accuracy"]);
            var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => Evaluate(evaluator, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
            Assert.Contains("not in the lookup table", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_fidelity_or_a_cancelled_token_fails()
    {
        var evaluator = new LookupEvaluator(SharedTable.Load());
        var candidate = Nb201Cell.ParseCellString(Best6111).ToCandidate();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            evaluator.EvaluateAsync(new EvaluationRequest(candidate, new Fidelity("12-epochs", 0.1), 0, Path.GetTempPath()), new Progress<EvaluationProgress>(), CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            evaluator.EvaluateAsync(new EvaluationRequest(candidate, LookupEvaluator.FullTraining, 0, Path.GetTempPath()), new Progress<EvaluationProgress>(), new CancellationToken(canceled: true)));
    }

    private static ComponentContext Context(string baseDirectory) =>
        new(baseDirectory, AppContext.BaseDirectory, Seed: 0) { Cache = TestCache.Shared };

    private static Task<EvaluationResult> Evaluate(IEvaluator evaluator, string arch) =>
        evaluator.EvaluateAsync(
            new EvaluationRequest(Nb201Cell.ParseCellString(arch).ToCandidate(), evaluator.Fidelities[^1], 0, Path.GetTempPath()),
            new Progress<EvaluationProgress>(),
            CancellationToken.None);
}
