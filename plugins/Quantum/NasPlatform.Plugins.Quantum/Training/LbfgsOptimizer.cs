namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>
/// L-BFGS (Nocedal &amp; Wright, Numerical Optimization, Alg. 7.4 two-loop recursion) with a strong-Wolfe
/// line search (Alg. 3.5/3.6, cubic interpolation in the zoom).
/// </summary>
/// <remarks>
/// Hand-written rather than MathNet.Numerics' LimitedMemoryBfgsMinimizer because a trial needs control
/// between iterations that MathNet's minimizers do not offer: a cancellation check and a progress report
/// after every step, the plateau early stop, and a budget counted in steps. MathNet runs the whole
/// minimization inside FindMinimum and signals an exhausted iteration budget or a failed line search by
/// throwing, which would turn the normal end of a short, low-fidelity run into an exception path.
/// </remarks>
internal sealed class LbfgsOptimizer : IOptimizer
{
    private const double C1 = 1e-4;
    private const double C2 = 0.9;
    private const int MaxLineSearchEvaluations = 25;
    private readonly int _memory;
    private readonly double _gradientTolerance;

    public LbfgsOptimizer(int memory, double gradientTolerance)
    {
        _memory = memory;
        _gradientTolerance = gradientTolerance;
    }

    public int Run(TrackedObjective objective, ReadOnlySpan<double> start, int maxSteps, Func<int, bool> onStep, CancellationToken cancellationToken)
    {
        var n = objective.Dimension;
        var current = new Point(n);
        start.CopyTo(current.X);
        current.F = objective.Evaluate(current.X, current.G);
        if (!double.IsFinite(current.F))
        {
            return 0;
        }

        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var direction = new double[n];
        var alphas = new double[_memory];
        for (var step = 1; step <= maxSteps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MaxAbs(current.G) <= _gradientTolerance)
            {
                return step - 1;
            }

            TwoLoop(current.G, s, y, rho, alphas, direction);
            var slope = Dot(current.G, direction);
            if (!(slope < 0))
            {
                // The curvature pairs no longer describe a descent direction: fall back to steepest descent.
                Forget(s, y, rho);
                for (var i = 0; i < n; i++)
                {
                    direction[i] = -current.G[i];
                }

                slope = Dot(current.G, direction);
            }

            // Without curvature information the first trial step moves the parameters by at most 1 radian.
            var initialStep = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(-slope)) : 1.0;
            var next = LineSearch(objective, current, direction, slope, initialStep);
            if (next is null)
            {
                if (s.Count == 0)
                {
                    return step;
                }

                // Retry from steepest descent once before giving up.
                Forget(s, y, rho);
                if (onStep(step))
                {
                    return step;
                }

                continue;
            }

            Remember(current, next, s, y, rho);
            current = next;
            if (onStep(step))
            {
                return step;
            }
        }

        return maxSteps;
    }

    /// <summary>Drops the curvature pairs: the next direction is steepest descent.</summary>
    private static void Forget(List<double[]> s, List<double[]> y, List<double> rho)
    {
        s.Clear();
        y.Clear();
        rho.Clear();
    }

    /// <summary>Keeps the step's curvature pair (sₖ, yₖ), the oldest dropped beyond the memory, unless its curvature is not positive.</summary>
    private void Remember(Point current, Point next, List<double[]> s, List<double[]> y, List<double> rho)
    {
        var n = current.X.Length;
        var sk = new double[n];
        var yk = new double[n];
        for (var i = 0; i < n; i++)
        {
            sk[i] = next.X[i] - current.X[i];
            yk[i] = next.G[i] - current.G[i];
        }

        var sy = Dot(sk, yk);
        // Skip pairs with (near) non-positive curvature: they would break the positive-definite update.
        if (sy > 1e-12 * Math.Sqrt(Dot(sk, sk) * Dot(yk, yk)) && sy > 0)
        {
            if (s.Count == _memory)
            {
                s.RemoveAt(0);
                y.RemoveAt(0);
                rho.RemoveAt(0);
            }

            s.Add(sk);
            y.Add(yk);
            rho.Add(1.0 / sy);
        }
    }

    /// <summary>direction = −H·g with H the L-BFGS inverse-Hessian estimate, scaled by sᵀy/yᵀy.</summary>
    private static void TwoLoop(double[] g, List<double[]> s, List<double[]> y, List<double> rho, double[] alphas, double[] direction)
    {
        var n = g.Length;
        Array.Copy(g, direction, n);
        for (var k = s.Count - 1; k >= 0; k--)
        {
            alphas[k] = rho[k] * Dot(s[k], direction);
            Axpy(-alphas[k], y[k], direction);
        }

        if (s.Count > 0)
        {
            var last = s.Count - 1;
            var gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
            for (var i = 0; i < n; i++)
            {
                direction[i] *= gamma;
            }
        }

        for (var k = 0; k < s.Count; k++)
        {
            var beta = rho[k] * Dot(y[k], direction);
            Axpy(alphas[k] - beta, s[k], direction);
        }

        for (var i = 0; i < n; i++)
        {
            direction[i] = -direction[i];
        }
    }

    /// <summary>A step length meeting the strong Wolfe conditions, or null when none was found.</summary>
    private static Point? LineSearch(TrackedObjective objective, Point origin, double[] direction, double slope0, double initialStep)
    {
        var previous = origin.AsTrial(0.0, slope0);
        var alpha = initialStep;
        var evaluations = 0;
        for (var i = 0; evaluations < MaxLineSearchEvaluations; i++)
        {
            var trial = Probe(objective, origin, direction, alpha);
            evaluations++;
            if (trial.F > origin.F + C1 * alpha * slope0 || (i > 0 && trial.F >= previous.F))
            {
                return Zoom(objective, origin, direction, slope0, previous, trial, ref evaluations);
            }

            if (Math.Abs(trial.Slope) <= -C2 * slope0)
            {
                return trial;
            }

            if (trial.Slope >= 0)
            {
                return Zoom(objective, origin, direction, slope0, trial, previous, ref evaluations);
            }

            previous = trial;
            alpha *= 2.0;
        }

        return previous.Alpha > 0 ? previous : null;
    }

    private static Point? Zoom(TrackedObjective objective, Point origin, double[] direction, double slope0, Point low, Point high, ref int evaluations)
    {
        while (evaluations < MaxLineSearchEvaluations)
        {
            var alpha = Interpolate(low, high);
            var trial = Probe(objective, origin, direction, alpha);
            evaluations++;
            if (trial.F > origin.F + C1 * alpha * slope0 || trial.F >= low.F)
            {
                high = trial;
            }
            else
            {
                if (Math.Abs(trial.Slope) <= -C2 * slope0)
                {
                    return trial;
                }

                if (trial.Slope * (high.Alpha - low.Alpha) >= 0)
                {
                    high = low;
                }

                low = trial;
            }

            if (Math.Abs(high.Alpha - low.Alpha) < 1e-14 * Math.Max(1.0, Math.Abs(low.Alpha)))
            {
                break;
            }
        }

        // Out of evaluations: the low end still satisfies sufficient decrease, so it is a usable step.
        return low.Alpha > 0 ? low : null;
    }

    /// <summary>Minimizer of the cubic through both ends, kept inside the middle 80% of the bracket; bisection otherwise.</summary>
    private static double Interpolate(Point a, Point b)
    {
        var lo = Math.Min(a.Alpha, b.Alpha);
        var hi = Math.Max(a.Alpha, b.Alpha);
        var width = hi - lo;
        var d1 = a.Slope + b.Slope - 3 * (a.F - b.F) / (a.Alpha - b.Alpha);
        var discriminant = d1 * d1 - a.Slope * b.Slope;
        if (double.IsFinite(discriminant) && discriminant >= 0 && double.IsFinite(a.F) && double.IsFinite(b.F))
        {
            var d2 = Math.Sign(b.Alpha - a.Alpha) * Math.Sqrt(discriminant);
            var alpha = b.Alpha - (b.Alpha - a.Alpha) * (b.Slope + d2 - d1) / (b.Slope - a.Slope + 2 * d2);
            if (double.IsFinite(alpha))
            {
                return Math.Clamp(alpha, lo + 0.1 * width, hi - 0.1 * width);
            }
        }

        return lo + 0.5 * width;
    }

    private static Point Probe(TrackedObjective objective, Point origin, double[] direction, double alpha)
    {
        var trial = new Point(origin.X.Length) { Alpha = alpha };
        for (var i = 0; i < trial.X.Length; i++)
        {
            trial.X[i] = origin.X[i] + alpha * direction[i];
        }

        trial.F = objective.Evaluate(trial.X, trial.G);
        trial.Slope = double.IsFinite(trial.F) ? Dot(trial.G, direction) : double.NaN;
        return trial;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double factor, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += factor * x[i];
        }
    }

    private static double MaxAbs(double[] a)
    {
        var max = 0.0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    /// <summary>A point along the search line: parameters, loss, gradient and directional derivative.</summary>
    private sealed class Point
    {
        public Point(int dimension)
        {
            X = new double[dimension];
            G = new double[dimension];
        }

        public double[] X { get; }

        public double[] G { get; }

        public double F { get; set; }

        public double Alpha { get; set; }

        public double Slope { get; set; }

        public Point AsTrial(double alpha, double slope)
        {
            var copy = new Point(X.Length) { F = F, Alpha = alpha, Slope = slope };
            Array.Copy(X, copy.X, X.Length);
            Array.Copy(G, copy.G, G.Length);
            return copy;
        }
    }
}
