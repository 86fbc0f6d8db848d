using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>Small dense complex matrix helpers on spans (row-major), allocation free.</summary>
internal static class MatrixMath
{
    public static void Identity(Span<Complex> m, int n)
    {
        m[..(n * n)].Clear();
        for (var i = 0; i < n; i++)
        {
            m[i * n + i] = Complex.One;
        }
    }

    /// <summary>result = a · b; result may alias neither input.</summary>
    public static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> result, int n)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = Complex.Zero;
                for (var k = 0; k < n; k++)
                {
                    sum += a[i * n + k] * b[k * n + j];
                }

                result[i * n + j] = sum;
            }
        }
    }

    /// <summary>m ← left · m, using scratch of the same size.</summary>
    public static void LeftMultiplyInPlace(ReadOnlySpan<Complex> left, Span<Complex> m, Span<Complex> scratch, int n)
    {
        Multiply(left, m, scratch, n);
        scratch[..(n * n)].CopyTo(m);
    }

    public static void Adjoint(ReadOnlySpan<Complex> m, Span<Complex> result, int n)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[j * n + i] = Complex.Conjugate(m[i * n + j]);
            }
        }
    }

    /// <summary>4×4 = a ⊗ b for 2×2 a (high bit, first qubit) and b (low bit, second qubit).</summary>
    public static void Kron2(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> result)
    {
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                result[r * 4 + c] = a[(r >> 1) * 2 + (c >> 1)] * b[(r & 1) * 2 + (c & 1)];
            }
        }
    }

    /// <summary>Exchanges the roles of the two qubits of a 4×4 matrix (conjugation by SWAP).</summary>
    public static void SwapQubits(ReadOnlySpan<Complex> m, Span<Complex> result)
    {
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                result[Swap(r) * 4 + Swap(c)] = m[r * 4 + c];
            }
        }

        static int Swap(int i) => ((i & 1) << 1) | (i >> 1);
    }
}
