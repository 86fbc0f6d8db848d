using System.Diagnostics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

internal static class Bench
{
    /// <summary>
    /// Best (minimum) wall time of an action in milliseconds, after one warm-up run: on a shared machine the
    /// minimum is the sample least disturbed by other processes.
    /// </summary>
    public static double Time(Action action, int repeats)
    {
        action();
        var samples = new double[Math.Max(1, repeats)];
        for (var r = 0; r < samples.Length; r++)
        {
            var sw = Stopwatch.StartNew();
            action();
            samples[r] = sw.Elapsed.TotalMilliseconds;
        }

        return samples.Min();
    }

    /// <summary>Circuits per second over a batch, spread over <paramref name="threads"/> threads.</summary>
    public static double Throughput((Circuit Circuit, double[] Parameters)[] batch, int threads, int rounds, Func<Circuit, double[], AdjointGradient, double> evaluate)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        void Run() => Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, batch.Length, 16),
            options,
            () => new AdjointGradient(batch[0].Circuit.NumQubits),
            (range, _, workspace) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    evaluate(batch[i].Circuit, batch[i].Parameters, workspace);
                }

                return workspace;
            },
            _ => { });
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < 0.5)
        {
            Run();
        }

        var sw = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            Run();
        }

        return rounds * batch.Length / sw.Elapsed.TotalSeconds;
    }
}
