using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Strategies;
using NasPlatform.Plugins.Tabular.Lookup;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Workflows.Tests.Benchmarks;

/// <summary>
/// The NAS-Bench-201 table (from ../shared/data beside the repository root, never copied into the
/// repo) with the Tabular plugin's space and evaluator, and the 200-run benchmarks computed once.
/// </summary>
public sealed class Nb201Fixture
{
    public const int Runs = 200;
    public const int Queries = 100;
    public const int BaseSeed = 0;

    private readonly Lazy<StrategyBenchmarkResult> _random;
    private readonly Lazy<StrategyBenchmarkResult> _evolution;

    public Nb201Fixture()
    {
        TablePath = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "data", "nas-bench-201-cifar10.csv"));
        if (!File.Exists(TablePath))
        {
            throw new FileNotFoundException($"The NAS-Bench-201 table is expected at {TablePath} (shared/ beside the repository root).", TablePath);
        }

        Table = LookupTable.Load(NasPlatform.Abstractions.Plugins.UncachedComponentCache.Instance, TablePath);
        Space = new Nb201SearchSpace();
        Evaluator = new LookupEvaluator(Table);
        Benchmark = new StrategyBenchmark(Space, Evaluator, Maximize);
        _random = new(() => Benchmark.Run(new RandomSearchFactory(), new JObject(), Runs, Queries, BaseSeed));
        _evolution = new(() => Benchmark.Run(new RegularizedEvolutionFactory(), new JObject(), Runs, Queries, BaseSeed));
    }

    public static ObjectiveSet Maximize { get; } = new([new Objective("accuracy", Direction.Maximize)]);

    public string TablePath { get; }

    public LookupTable Table { get; }

    public Nb201SearchSpace Space { get; }

    public LookupEvaluator Evaluator { get; }

    public StrategyBenchmark Benchmark { get; }

    public StrategyBenchmarkResult Random => _random.Value;

    public StrategyBenchmarkResult Evolution => _evolution.Value;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
