using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>An immutable square complex matrix (row-major), used for 2×2 and 4×4 gate unitaries.</summary>
public sealed class ComplexMatrix
{
    private readonly Complex[] _entries;

    public ComplexMatrix(int dimension, ReadOnlySpan<Complex> rowMajor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (rowMajor.Length != dimension * dimension)
        {
            throw new ArgumentException(
                $"A {dimension}×{dimension} matrix needs {dimension * dimension} entries, got {rowMajor.Length}.",
                nameof(rowMajor));
        }

        Dimension = dimension;
        _entries = rowMajor.ToArray();
    }

    public int Dimension { get; }

    public Complex this[int row, int column] => _entries[row * Dimension + column];

    public ReadOnlySpan<Complex> Entries => _entries;

    public static ComplexMatrix FromRows(params Complex[][] rows)
    {
        var n = rows.Length;
        var flat = new Complex[n * n];
        for (var r = 0; r < n; r++)
        {
            if (rows[r].Length != n)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} entries; a square matrix needs {n}.");
            }

            rows[r].CopyTo(flat, r * n);
        }

        return new ComplexMatrix(n, flat);
    }

    /// <summary>Largest |(U†U − I)_{ij}|: how far the matrix is from unitary.</summary>
    public double UnitarityError()
    {
        var n = Dimension;
        var worst = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = Complex.Zero;
                for (var k = 0; k < n; k++)
                {
                    sum += Complex.Conjugate(this[k, i]) * this[k, j];
                }

                worst = Math.Max(worst, (sum - (i == j ? 1.0 : 0.0)).Magnitude);
            }
        }

        return worst;
    }

    public ComplexMatrix Multiply(ComplexMatrix right)
    {
        if (right.Dimension != Dimension)
        {
            throw new ArgumentException("Matrix dimensions differ.", nameof(right));
        }

        var product = new Complex[Dimension * Dimension];
        MatrixMath.Multiply(_entries, right._entries, product, Dimension);
        return new ComplexMatrix(Dimension, product);
    }

    public ComplexMatrix Adjoint()
    {
        var result = new Complex[Dimension * Dimension];
        MatrixMath.Adjoint(_entries, result, Dimension);
        return new ComplexMatrix(Dimension, result);
    }
}
