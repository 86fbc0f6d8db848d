using MathNet.Numerics.LinearAlgebra;
using NasPlatform.Abstractions.Predictors;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// The baseline that keeps the MLP honest: Gaussian-process regression (Rasmussen and Williams 2006,
/// Algorithm 2.1) with a squared-exponential kernel on standardized encodings, linear algebra from
/// MathNet.Numerics. The length scale and the noise ratio are chosen from a fixed grid by the log
/// marginal likelihood, the signal variance in closed form for each; so a fit has no random choice
/// and the seed is ignored. O(n³) in the training rows, which suits the hundreds a search measures.
/// </summary>
public sealed class GaussianProcessPredictor : IPredictor
{
    /// <summary>The name strategies and commands use for this predictor.</summary>
    public const string PredictorName = "gp";

    /// <summary>Length scales tried, as multiples of √(encoding length).</summary>
    private static readonly double[] LengthScaleFactors = [0.125, 0.25, 0.5, 1, 2, 4];

    /// <summary>Noise variance as a fraction of the signal variance.</summary>
    private static readonly double[] NoiseRatios = [1e-4, 1e-3, 1e-2, 0.05, 0.2];

    private ColumnScaler? _scaler;
    private Matrix<double>? _train;
    private Vector<double>? _alpha;
    private Matrix<double>? _inverse;
    private double _signalVariance;
    private double _lengthScale;
    private double _targetMean;

    public string Name => PredictorName;

    public bool IsFitted => _alpha is not null;

    /// <summary>The length scale the marginal likelihood chose.</summary>
    public double LengthScale => _lengthScale;

    public void Fit(IReadOnlyList<double[]> encodings, IReadOnlyList<double> targets, int seed)
    {
        ArgumentNullException.ThrowIfNull(targets);
        PredictorData.CheckRows(encodings, targets.Count, nameof(targets));
        if (targets.Any(t => !double.IsFinite(t)))
        {
            throw new ArgumentException("Every target must be finite.", nameof(targets));
        }

        var scaler = ColumnScaler.Fit(encodings);
        var n = encodings.Count;
        var x = Matrix<double>.Build.DenseOfRowArrays(encodings.Select(r => Scaled(scaler, r)));
        _targetMean = targets.Average();
        var y = Vector<double>.Build.DenseOfEnumerable(targets.Select(t => t - _targetMean));
        var distances = SquaredDistances(x, x);

        var best = double.NegativeInfinity;
        foreach (var factor in LengthScaleFactors)
        {
            var lengthScale = factor * Math.Sqrt(scaler.Width);
            var correlation = distances.Map(d => Math.Exp(-d / (2 * lengthScale * lengthScale)));
            foreach (var ratio in NoiseRatios)
            {
                var k = correlation + (Matrix<double>.Build.DenseIdentity(n) * ratio);
                var cholesky = k.Cholesky();
                var alpha = cholesky.Solve(y);
                // Profile likelihood: the signal variance that maximizes it is yᵀK⁻¹y / n.
                var signal = Math.Max(y.DotProduct(alpha) / n, 1e-12);
                var logDeterminant = 2 * cholesky.Factor.Diagonal().Sum(Math.Log);
                var likelihood = (-0.5 * n * Math.Log(signal)) - (0.5 * logDeterminant);
                if (likelihood > best)
                {
                    best = likelihood;
                    _lengthScale = lengthScale;
                    _signalVariance = signal;
                    _alpha = alpha;
                    _inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(n));
                }
            }
        }

        _scaler = scaler;
        _train = x;
    }

    public Prediction Predict(IReadOnlyList<double[]> encodings)
    {
        ArgumentNullException.ThrowIfNull(encodings);
        if (!IsFitted)
        {
            throw new InvalidOperationException("The predictor has not been fitted; call Fit first.");
        }

        var mean = new double[encodings.Count];
        var spread = new double[encodings.Count];
        const int chunk = 4096;
        for (var start = 0; start < encodings.Count; start += chunk)
        {
            var count = Math.Min(chunk, encodings.Count - start);
            var rows = Matrix<double>.Build.DenseOfRowArrays(Enumerable.Range(start, count).Select(i => Scaled(_scaler!, encodings[i])));
            var cross = SquaredDistances(rows, _train!).Map(d => Math.Exp(-d / (2 * _lengthScale * _lengthScale)));
            var means = cross * _alpha!;
            var explained = (cross * _inverse!).PointwiseMultiply(cross).RowSums();
            for (var i = 0; i < count; i++)
            {
                mean[start + i] = means[i] + _targetMean;
                spread[start + i] = Math.Sqrt(Math.Max(0, _signalVariance * (1 - explained[i])));
            }
        }

        return new Prediction(mean, spread);
    }

    private static double[] Scaled(ColumnScaler scaler, double[] row)
    {
        if (row.Length != scaler.Width)
        {
            throw new ArgumentException($"A row has {row.Length} values; the predictor was fitted to rows of {scaler.Width}.");
        }

        return row.Select((v, c) => (v - scaler.Mean(c)) / scaler.Scale(c)).ToArray();
    }

    /// <summary>‖aᵢ − bⱼ‖² for every pair of rows.</summary>
    private static Matrix<double> SquaredDistances(Matrix<double> a, Matrix<double> b)
    {
        var aa = a.PointwiseMultiply(a).RowSums();
        var bb = b.PointwiseMultiply(b).RowSums();
        var result = a * b.Transpose() * -2;
        for (var i = 0; i < result.RowCount; i++)
        {
            for (var j = 0; j < result.ColumnCount; j++)
            {
                result[i, j] = Math.Max(0, result[i, j] + aa[i] + bb[j]);
            }
        }

        return result;
    }
}
