using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;

namespace NasPlatform.Plugins.Quantum.Data;

/// <summary>Writes row <c>row</c> of a data matrix into <c>destination</c> (one value per column).</summary>
public delegate void RowSource(int row, Span<double> destination);

/// <summary>
/// Principal component analysis: the top eigenvectors of the sample covariance, found from the covariance
/// matrix (columns x columns, accumulated in blocks of rows so the data never needs to exist as doubles) and a
/// symmetric eigendecomposition (MathNet.Numerics). Components are orthonormal, ordered by explained
/// variance (descending), and signed so their largest-magnitude entry is positive, which makes them
/// reproducible.
/// </summary>
public sealed class Pca
{
    private const int BlockRows = 256;
    private readonly double[] _components;

    private Pca(double[] mean, double[] components, double[] explainedVariance, double totalVariance, int sampleCount)
    {
        Mean = mean;
        _components = components;
        ExplainedVariance = explainedVariance;
        TotalVariance = totalVariance;
        SampleCount = sampleCount;
    }

    /// <summary>Input dimension (columns of the data).</summary>
    public int InputDimension => Mean.Length;

    /// <summary>Number of components kept.</summary>
    public int ComponentCount => ExplainedVariance.Length;

    /// <summary>Number of rows the PCA was fitted on.</summary>
    public int SampleCount { get; }

    /// <summary>Per-column mean of the fitted data.</summary>
    public double[] Mean { get; }

    /// <summary>Variance along each component (eigenvalues of the sample covariance, divisor N-1), descending.</summary>
    public double[] ExplainedVariance { get; }

    /// <summary>Total variance of the data (trace of the covariance): the share kept is Σ ExplainedVariance / TotalVariance.</summary>
    public double TotalVariance { get; }

    /// <summary>Component <paramref name="index"/> as a unit vector of <see cref="InputDimension"/> entries.</summary>
    public ReadOnlySpan<double> Component(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ComponentCount);
        return _components.AsSpan(index * InputDimension, InputDimension);
    }

    /// <summary>Fits on a dense matrix (rows are samples).</summary>
    public static Pca Fit(double[,] data, int components)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(data.GetLength(0), data.GetLength(1), components, (row, destination) =>
        {
            for (var c = 0; c < destination.Length; c++)
            {
                destination[c] = data[row, c];
            }
        });
    }

    /// <summary>Fits on <paramref name="rows"/> samples of <paramref name="columns"/> values supplied row by row.</summary>
    public static Pca Fit(int rows, int columns, int components, RowSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (rows < 2)
        {
            throw new ArgumentException($"PCA needs at least 2 samples, got {rows}.", nameof(rows));
        }

        if (components < 1 || components > columns)
        {
            throw new ArgumentOutOfRangeException(nameof(components), $"PCA components must be between 1 and the input dimension {columns}; got {components}.");
        }

        var mean = new double[columns];
        var row = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            source(r, row);
            for (var c = 0; c < columns; c++)
            {
                mean[c] += row[c];
            }
        }

        for (var c = 0; c < columns; c++)
        {
            mean[c] /= rows;
        }

        var scatter = Scatter(rows, columns, source, mean);
        var covariance = Matrix<double>.Build.Dense(columns, columns, (i, j) => scatter[Math.Min(i, j) * columns + Math.Max(i, j)] / (rows - 1));
        var total = 0.0;
        for (var c = 0; c < columns; c++)
        {
            total += covariance[c, c];
        }

        var evd = covariance.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, columns).OrderByDescending(k => evd.EigenValues[k].Real).ThenBy(k => k).ToArray();
        var vectors = new double[components * columns];
        var variance = new double[components];
        for (var k = 0; k < components; k++)
        {
            var source_k = order[k];
            variance[k] = Math.Max(0.0, evd.EigenValues[source_k].Real);
            var largest = 0;
            for (var c = 1; c < columns; c++)
            {
                if (Math.Abs(evd.EigenVectors[c, source_k]) > Math.Abs(evd.EigenVectors[largest, source_k]))
                {
                    largest = c;
                }
            }

            var sign = evd.EigenVectors[largest, source_k] < 0 ? -1.0 : 1.0;
            for (var c = 0; c < columns; c++)
            {
                vectors[k * columns + c] = sign * evd.EigenVectors[c, source_k];
            }
        }

        return new Pca(mean, vectors, variance, total, rows);
    }

    /// <summary>
    /// The same fit keeping only the first <paramref name="components"/> components: a fit with all
    /// components serves every smaller count without another eigendecomposition.
    /// </summary>
    public Pca Truncate(int components)
    {
        if (components < 1 || components > ComponentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(components), $"This PCA has {ComponentCount} components; cannot keep {components}.");
        }

        return components == ComponentCount
            ? this
            : new Pca(Mean, _components[..(components * InputDimension)], ExplainedVariance[..components], TotalVariance, SampleCount);
    }

    /// <summary>Writes the component scores (projections of <paramref name="input"/> − mean) into <paramref name="scores"/>.</summary>
    public void Transform(ReadOnlySpan<double> input, Span<double> scores)
    {
        RequireLength(input.Length, InputDimension, nameof(input));
        RequireLength(scores.Length, ComponentCount, nameof(scores));
        for (var k = 0; k < ComponentCount; k++)
        {
            var component = Component(k);
            var sum = 0.0;
            for (var c = 0; c < input.Length; c++)
            {
                sum += (input[c] - Mean[c]) * component[c];
            }

            scores[k] = sum;
        }
    }

    /// <summary>Maps scores back to the input space: mean + Σ scores[k]·component k.</summary>
    public void Reconstruct(ReadOnlySpan<double> scores, Span<double> output)
    {
        RequireLength(scores.Length, ComponentCount, nameof(scores));
        RequireLength(output.Length, InputDimension, nameof(output));
        Mean.CopyTo(output);
        for (var k = 0; k < ComponentCount; k++)
        {
            var component = Component(k);
            for (var c = 0; c < output.Length; c++)
            {
                output[c] += scores[k] * component[c];
            }
        }
    }

    private static void RequireLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} values, got {actual}.", name);
        }
    }

    /// <summary>
    /// Upper triangle (row-major, columns x columns) of Σ (x − mean)(x − mean)ᵀ. Rows come in blocks that
    /// are stored transposed, so each entry is a contiguous dot product over the block; each entry is owned
    /// by one thread and summed in row order, so the result does not depend on scheduling.
    /// </summary>
    private static double[] Scatter(int rows, int columns, RowSource source, double[] mean)
    {
        var scatter = new double[columns * columns];
        var block = new double[columns * BlockRows];
        var row = new double[columns];
        for (var start = 0; start < rows; start += BlockRows)
        {
            var count = Math.Min(BlockRows, rows - start);
            Array.Clear(block);
            for (var b = 0; b < count; b++)
            {
                source(start + b, row);
                for (var c = 0; c < columns; c++)
                {
                    block[c * BlockRows + b] = row[c] - mean[c];
                }
            }

            Parallel.For(0, columns, i =>
            {
                var bi = block.AsSpan(i * BlockRows, BlockRows);
                for (var j = i; j < columns; j++)
                {
                    scatter[i * columns + j] += Dot(bi, block.AsSpan(j * BlockRows, BlockRows));
                }
            });
        }

        return scatter;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // BlockRows is a multiple of the vector width and unused tail rows are zero.
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        var width = Vector256<double>.Count;
        for (var k = 0; k < a.Length; k += 2 * width)
        {
            acc0 += Vector256.Create(a[k..]) * Vector256.Create(b[k..]);
            acc1 += Vector256.Create(a[(k + width)..]) * Vector256.Create(b[(k + width)..]);
        }

        return Vector256.Sum(acc0 + acc1);
    }
}
