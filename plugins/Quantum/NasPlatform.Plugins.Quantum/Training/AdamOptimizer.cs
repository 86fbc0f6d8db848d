namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>Adam (Kingma &amp; Ba 2015) with bias correction; one loss-and-gradient evaluation per step.</summary>
internal sealed class AdamOptimizer : IOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private readonly double _learningRate;

    public AdamOptimizer(double learningRate)
    {
        _learningRate = learningRate;
    }

    public int Run(TrackedObjective objective, ReadOnlySpan<double> start, int maxSteps, Func<int, bool> onStep, CancellationToken cancellationToken)
    {
        var n = objective.Dimension;
        var x = start.ToArray();
        var g = new double[n];
        var m = new double[n];
        var v = new double[n];
        var beta1Power = 1.0;
        var beta2Power = 1.0;
        for (var step = 1; step <= maxSteps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loss = objective.Evaluate(x, g);
            if (!double.IsFinite(loss))
            {
                // The gradient of an infinite loss is no guide; the best point so far stands.
                return step;
            }

            beta1Power *= Beta1;
            beta2Power *= Beta2;
            for (var i = 0; i < n; i++)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
                var mHat = m[i] / (1 - beta1Power);
                var vHat = v[i] / (1 - beta2Power);
                x[i] -= _learningRate * mHat / (Math.Sqrt(vHat) + Epsilon);
            }

            if (onStep(step))
            {
                return step;
            }
        }

        return maxSteps;
    }
}
