namespace NasPlatform.Workflows.Benchmarks;

/// <summary>How one strategy did over the runs of a <see cref="StrategyBenchmark"/>.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Queries">Query budget of every run.</param>
/// <param name="BaseSeed">Seed the run seeds derive from.</param>
/// <param name="BestPerRun">Best primary-objective value of each run, in run order.</param>
/// <param name="MeanBestSoFar">Mean over runs of the best value after each query (runs without a usable trial yet are left out).</param>
/// <param name="UnusableTrials">Failed or infeasible trials over all runs.</param>
/// <param name="Rejections">Proposals refused without spending a query, over all runs.</param>
/// <param name="FirstError">Why the first failed trial (in run order) failed; null when none failed.</param>
public sealed record StrategyBenchmarkResult(
    string Strategy,
    int Queries,
    int BaseSeed,
    IReadOnlyList<double> BestPerRun,
    IReadOnlyList<double> MeanBestSoFar,
    int UnusableTrials,
    int Rejections,
    string? FirstError)
{
    public int Runs => BestPerRun.Count;

    /// <summary>Each run's best value after each query (NaN until a trial is usable), in run order.</summary>
    public IReadOnlyList<IReadOnlyList<double>> BestSoFarPerRun { get; init; } = [];

    /// <summary>Each run's best value after its first <paramref name="queries"/> queries: a shorter budget read from the same runs.</summary>
    public double[] BestAfter(int queries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(queries, Queries);
        return BestSoFarPerRun.Select(curve => curve[queries - 1]).ToArray();
    }

    /// <summary>Mean of the runs' best values.</summary>
    public double Mean => BestPerRun.Average();

    /// <summary>Sample standard deviation (n − 1) of the runs' best values; 0 for one run.</summary>
    public double StandardDeviation
    {
        get
        {
            if (BestPerRun.Count < 2)
            {
                return 0;
            }

            var mean = Mean;
            return Math.Sqrt(BestPerRun.Sum(v => (v - mean) * (v - mean)) / (BestPerRun.Count - 1));
        }
    }

    /// <summary>Standard error of <see cref="Mean"/>.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(BestPerRun.Count);
}
