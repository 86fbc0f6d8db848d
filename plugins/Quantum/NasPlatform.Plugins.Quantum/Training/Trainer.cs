namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>
/// Minimizes an objective within a <see cref="TrainingBudget"/>: each restart draws initial parameters from
/// N(0, sigma²) and runs the optimizer for at most the budget's steps (stopping early on a plateau); the best
/// point over all restarts wins. Deterministic for a given <see cref="Random"/> state.
/// </summary>
public static class Trainer
{
    /// <summary>Trains and returns the best loss and parameters.</summary>
    /// <param name="objective">The loss; evaluated from this thread only.</param>
    /// <param name="budget">Steps, restarts and optimizer settings.</param>
    /// <param name="rng">Draws the initial parameters of every restart, in order.</param>
    /// <param name="progress">Receives a report every few steps and at the end of each restart; may be null.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    public static TrainingResult Minimize(
        IDifferentiableObjective objective,
        TrainingBudget budget,
        Random rng,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(budget.Steps);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget.Restarts, 1);
        budget.Optimizer.Validate();

        var settings = budget.Optimizer;
        var optimizer = CreateOptimizer(settings);

        var bestLoss = double.PositiveInfinity;
        var bestParameters = new double[objective.Dimension];
        var bestRestart = 0;
        IReadOnlyList<double> bestTrace = [];
        var totalSteps = 0;
        var totalEvaluations = 0;
        var reportEvery = Math.Max(1, budget.Steps / 50);
        var start = new double[objective.Dimension];
        for (var restart = 0; restart < budget.Restarts; restart++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DrawStart(start, budget, restart, rng);
            var tracked = new TrackedObjective(objective);
            var trace = new List<double>();
            int steps;
            if (budget.Steps == 0 || objective.Dimension == 0)
            {
                // Nothing to train (or no budget): the loss at the initial point is the result.
                tracked.Evaluate(start, new double[objective.Dimension]);
                steps = 0;
                trace.Add(tracked.BestLoss);
            }
            else
            {
                var plateau = new PlateauDetector(settings.PlateauTolerance, settings.PlateauWindow);
                var restartIndex = restart;
                var bestBefore = bestLoss;
                steps = optimizer.Run(tracked, start, budget.Steps, step =>
                {
                    trace.Add(tracked.BestLoss);
                    var stop = plateau.Record(tracked.BestLoss);
                    if (progress is not null && (step % reportEvery == 0 || stop))
                    {
                        progress.Report(new TrainingProgress(restartIndex, budget.Restarts, step, budget.Steps, tracked.BestLoss, Math.Min(bestBefore, tracked.BestLoss)));
                    }

                    return stop;
                }, cancellationToken);
            }

            totalSteps += steps;
            totalEvaluations += tracked.Evaluations;
            if (tracked.BestLoss < bestLoss)
            {
                bestLoss = tracked.BestLoss;
                Array.Copy(tracked.BestParameters, bestParameters, bestParameters.Length);
                bestRestart = restart;
                bestTrace = trace;
            }

            progress?.Report(new TrainingProgress(restart + 1, budget.Restarts, 0, budget.Steps, tracked.BestLoss, bestLoss));
        }

        return new TrainingResult(bestLoss, bestParameters, bestRestart, totalSteps, totalEvaluations, bestTrace);
    }

    private static IOptimizer CreateOptimizer(OptimizerSettings settings) => settings.Kind switch
    {
        OptimizerKind.Adam => new AdamOptimizer(settings.LearningRate),
        _ => new LbfgsOptimizer(settings.LbfgsMemory, settings.GradientTolerance),
    };

    /// <summary>
    /// The restart's initial point: the given initial parameters (zero beyond them) as they are on the first restart,
    /// with N(0, sigma²) noise from <paramref name="rng"/> on every other (and on every restart when none are given).
    /// </summary>
    private static void DrawStart(double[] start, TrainingBudget budget, int restart, Random rng)
    {
        var initial = budget.InitialParameters;
        for (var i = 0; i < start.Length; i++)
        {
            var center = initial is not null && i < initial.Count ? initial[i] : 0.0;
            start[i] = initial is not null && restart == 0 ? center : center + (budget.Optimizer.InitialSigma * NextGaussian(rng));
        }
    }

    /// <summary>A standard normal draw (Box–Muller), from <paramref name="rng"/> only.</summary>
    public static double NextGaussian(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
