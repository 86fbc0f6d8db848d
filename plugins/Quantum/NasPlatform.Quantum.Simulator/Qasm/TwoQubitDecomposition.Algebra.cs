using System.Numerics;

namespace NasPlatform.Quantum.Simulator.Qasm;

// The small dense 4×4 complex algebra the decomposition needs (products, adjoints, determinant, a real
// linear solve), kept beside it rather than in a general matrix type: nothing else uses it.
public static partial class TwoQubitDecomposition
{
    private static Complex[,] Multiply(Complex[,] a, Complex[,] b)
    {
        var result = new Complex[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                var sum = Complex.Zero;
                for (var k = 0; k < 4; k++)
                {
                    sum += a[i, k] * b[k, j];
                }

                result[i, j] = sum;
            }
        }

        return result;
    }

    private static Complex[,] Transpose(Complex[,] a)
    {
        var result = new Complex[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                result[i, j] = a[j, i];
            }
        }

        return result;
    }

    private static Complex[,] Adjoint(Complex[,] a)
    {
        var result = Transpose(a);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                result[i, j] = Complex.Conjugate(result[i, j]);
            }
        }

        return result;
    }

    private static Complex[,] Diagonal(Complex[] d, bool invert)
    {
        var result = new Complex[4, 4];
        for (var k = 0; k < 4; k++)
        {
            result[k, k] = invert ? 1 / d[k] : d[k];
        }

        return result;
    }

    /// <summary>Determinant by Gaussian elimination with partial pivoting.</summary>
    private static Complex Determinant(Complex[,] matrix)
    {
        var a = (Complex[,])matrix.Clone();
        var det = Complex.One;
        for (var col = 0; col < 4; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < 4; row++)
            {
                pivot = a[row, col].Magnitude > a[pivot, col].Magnitude ? row : pivot;
            }

            if (a[pivot, col] == Complex.Zero)
            {
                return Complex.Zero;
            }

            if (pivot != col)
            {
                for (var j = 0; j < 4; j++)
                {
                    (a[pivot, j], a[col, j]) = (a[col, j], a[pivot, j]);
                }

                det = -det;
            }

            det *= a[col, col];
            for (var row = col + 1; row < 4; row++)
            {
                var factor = a[row, col] / a[col, col];
                for (var j = col; j < 4; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }
            }
        }

        return det;
    }

    /// <summary>Solves the 4×4 real system held in the first four columns against the fifth.</summary>
    private static double[] SolveReal(double[,] system)
    {
        var a = (double[,])system.Clone();
        for (var col = 0; col < 4; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < 4; row++)
            {
                pivot = Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]) ? row : pivot;
            }

            for (var j = 0; j < 5; j++)
            {
                (a[pivot, j], a[col, j]) = (a[col, j], a[pivot, j]);
            }

            for (var row = 0; row < 4; row++)
            {
                if (row == col)
                {
                    continue;
                }

                var factor = a[row, col] / a[col, col];
                for (var j = col; j < 5; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }
            }
        }

        return [a[0, 4] / a[0, 0], a[1, 4] / a[1, 1], a[2, 4] / a[2, 2], a[3, 4] / a[3, 3]];
    }
}
