using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Tests.Training;

/// <summary>f(x) = Σ w_i (x_i − c_i)², minimum 0 at c.</summary>
internal sealed class Quadratic(double[] weights, double[] center) : IDifferentiableObjective
{
    public int Dimension => weights.Length;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var f = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var d = parameters[i] - center[i];
            f += weights[i] * d * d;
            gradient[i] = 2 * weights[i] * d;
        }

        return f;
    }
}

/// <summary>The extended Rosenbrock function Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1).</summary>
internal sealed class Rosenbrock(int dimension) : IDifferentiableObjective
{
    public int Dimension => dimension;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        gradient.Clear();
        var f = 0.0;
        for (var i = 0; i + 1 < dimension; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            f += 100 * a * a + b * b;
            gradient[i] += -400 * a * x[i] - 2 * b;
            gradient[i + 1] += 200 * a;
        }

        return f;
    }
}
