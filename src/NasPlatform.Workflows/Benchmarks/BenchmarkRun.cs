using NasPlatform.Abstractions.Search;

namespace NasPlatform.Workflows.Benchmarks;

/// <summary>One run of a strategy in a <see cref="StrategyBenchmark"/>.</summary>
/// <param name="Seed">The run's seed (trial n's generator is seeded with SeedSequence.Derive(Seed, n)).</param>
/// <param name="Trials">The evaluated trials in order, one per query.</param>
/// <param name="BestSoFar">Best primary-objective value (in the metric's units) after each query; NaN until a trial is usable.</param>
/// <param name="Rejections">Proposals refused without spending a query (duplicates, constraint violations).</param>
/// <param name="FirstError">Why the first failed trial failed; null when none failed.</param>
public sealed record BenchmarkRun(int Seed, IReadOnlyList<TrialOutcome> Trials, IReadOnlyList<double> BestSoFar, int Rejections, string? FirstError)
{
    /// <summary>Best primary-objective value after the last query; NaN when no trial was usable.</summary>
    public double Best => BestSoFar.Count == 0 ? double.NaN : BestSoFar[^1];

    /// <summary>Trials that failed or broke a metric constraint.</summary>
    public int Unusable => Trials.Count(t => !t.IsUsable);
}
