using NasPlatform.Plugins.Quantum.Data;

namespace NasPlatform.Plugins.Quantum.Tests.Data;

public sealed class PcaTests
{
    private const int Rows = 600; // not a multiple of the 256-row accumulation block
    private const int Columns = 12;
    private static readonly double[] Spread = [5, 4, 3, 2.5, 2, 1.5, 1, 0.8, 0.5, 0.3, 0.2, 0.1];

    /// <summary>Gaussian samples with standard deviations <see cref="Spread"/> along the columns of a random rotation.</summary>
    private static (double[,] Data, double[,] Rotation) Sample(int seed)
    {
        var random = new Random(seed);
        var rotation = RandomOrthogonal(Columns, random);
        var data = new double[Rows, Columns];
        for (var r = 0; r < Rows; r++)
        {
            var z = Enumerable.Range(0, Columns).Select(k => Spread[k] * Gaussian(random)).ToArray();
            for (var c = 0; c < Columns; c++)
            {
                var value = 10.0 + c; // a mean to remove
                for (var k = 0; k < Columns; k++)
                {
                    value += rotation[c, k] * z[k];
                }

                data[r, c] = value;
            }
        }

        return (data, rotation);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[,] RandomOrthogonal(int n, Random random)
    {
        var q = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            var v = Enumerable.Range(0, n).Select(_ => Gaussian(random)).ToArray();
            for (var j = 0; j < k; j++)
            {
                var dot = Enumerable.Range(0, n).Sum(i => v[i] * q[i, j]);
                for (var i = 0; i < n; i++)
                {
                    v[i] -= dot * q[i, j];
                }
            }

            var norm = Math.Sqrt(v.Sum(x => x * x));
            for (var i = 0; i < n; i++)
            {
                q[i, k] = v[i] / norm;
            }
        }

        return q;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [Fact]
    public void Components_are_orthonormal_and_variance_descends()
    {
        var pca = Pca.Fit(Sample(1).Data, Columns);

        for (var i = 0; i < Columns; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, Dot(pca.Component(i), pca.Component(j)), 10);
            }
        }

        for (var k = 1; k < Columns; k++)
        {
            Assert.True(pca.ExplainedVariance[k] < pca.ExplainedVariance[k - 1], $"variance {k} = {pca.ExplainedVariance[k]} is not below {pca.ExplainedVariance[k - 1]}");
        }

        Assert.Equal(pca.TotalVariance, pca.ExplainedVariance.Sum(), 9);
    }

    [Fact]
    public void Explained_variance_is_the_sample_variance_of_the_scores_and_finds_the_planted_directions()
    {
        var (data, rotation) = Sample(2);
        var pca = Pca.Fit(data, 3);
        var scores = new double[Rows, 3];
        var row = new double[Columns];
        var score = new double[3];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                row[c] = data[r, c];
            }

            pca.Transform(row, score);
            for (var k = 0; k < 3; k++)
            {
                scores[r, k] = score[k];
            }
        }

        for (var k = 0; k < 3; k++)
        {
            var mean = Enumerable.Range(0, Rows).Average(r => scores[r, k]);
            var variance = Enumerable.Range(0, Rows).Sum(r => (scores[r, k] - mean) * (scores[r, k] - mean)) / (Rows - 1);
            Assert.Equal(0.0, mean, 9);
            Assert.Equal(pca.ExplainedVariance[k], variance, 9);

            // 600 samples pin the well-separated leading directions down closely.
            var planted = Enumerable.Range(0, Columns).Select(c => rotation[c, k]).ToArray();
            Assert.True(Math.Abs(Dot(pca.Component(k), planted)) > 0.98, $"component {k} misses the planted direction");
            Assert.True(Math.Abs(pca.ExplainedVariance[k] / (Spread[k] * Spread[k]) - 1) < 0.2);
        }
    }

    [Fact]
    public void Reconstruction_error_falls_with_each_component_and_vanishes_with_all()
    {
        var data = Sample(3).Data;
        var errors = new List<double>();
        var row = new double[Columns];
        var back = new double[Columns];
        for (var n = 1; n <= Columns; n++)
        {
            var pca = Pca.Fit(data, n);
            var scores = new double[n];
            var error = 0.0;
            for (var r = 0; r < Rows; r++)
            {
                for (var c = 0; c < Columns; c++)
                {
                    row[c] = data[r, c];
                }

                pca.Transform(row, scores);
                pca.Reconstruct(scores, back);
                error += Enumerable.Range(0, Columns).Sum(c => (back[c] - row[c]) * (back[c] - row[c]));
            }

            errors.Add(error / (Rows - 1));

            // The residual variance is the variance of the components left out.
            Assert.Equal(pca.TotalVariance - pca.ExplainedVariance.Sum(), errors[^1], 8);
        }

        for (var n = 1; n < Columns; n++)
        {
            Assert.True(errors[n] < errors[n - 1], $"error with {n + 1} components ({errors[n]}) is not below {errors[n - 1]}");
        }

        Assert.Equal(0.0, errors[^1], 9);
    }

    [Fact]
    public void Truncating_a_full_fit_equals_fitting_fewer_components()
    {
        var data = Sample(4).Data;
        var full = Pca.Fit(data, Columns);
        var three = Pca.Fit(data, 3);
        var truncated = full.Truncate(3);

        Assert.Equal(3, truncated.ComponentCount);
        Assert.Equal(three.ExplainedVariance, truncated.ExplainedVariance);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(three.Component(k).ToArray(), truncated.Component(k).ToArray());
        }
    }

    [Fact]
    public void Rejects_more_components_than_columns()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(new double[5, 3], 4));

        Assert.Contains("between 1 and the input dimension 3", e.Message);
    }
}
