using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>Independent dense-matrix reference: full 2^n×2^n unitaries built with Kronecker products.</summary>
internal static class Dense
{
    public static Complex[,] Identity(int dim)
    {
        var m = new Complex[dim, dim];
        for (var i = 0; i < dim; i++)
        {
            m[i, i] = 1;
        }

        return m;
    }

    public static Complex[,] Kron(Complex[,] a, Complex[,] b)
    {
        int ar = a.GetLength(0), ac = a.GetLength(1), br = b.GetLength(0), bc = b.GetLength(1);
        var m = new Complex[ar * br, ac * bc];
        for (var i = 0; i < ar; i++)
        {
            for (var j = 0; j < ac; j++)
            {
                for (var k = 0; k < br; k++)
                {
                    for (var l = 0; l < bc; l++)
                    {
                        m[i * br + k, j * bc + l] = a[i, j] * b[k, l];
                    }
                }
            }
        }

        return m;
    }

    public static Complex[,] Multiply(Complex[,] a, Complex[,] b)
    {
        int n = a.GetLength(0), inner = a.GetLength(1), p = b.GetLength(1);
        var m = new Complex[n, p];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < inner; k++)
            {
                var aik = a[i, k];
                if (aik == Complex.Zero)
                {
                    continue;
                }

                for (var j = 0; j < p; j++)
                {
                    m[i, j] += aik * b[k, j];
                }
            }
        }

        return m;
    }

    public static Complex[,] Adjoint(Complex[,] a)
    {
        var m = new Complex[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                m[j, i] = Complex.Conjugate(a[i, j]);
            }
        }

        return m;
    }

    /// <summary>I⊗…⊗g⊗…⊗I with qubit 0 the leftmost factor.</summary>
    public static Complex[,] Embed1(int n, int qubit, Complex[,] g)
    {
        var m = new Complex[,] { { 1 } };
        for (var q = 0; q < n; q++)
        {
            m = Kron(m, q == qubit ? g : Identity(2));
        }

        return m;
    }

    /// <summary>A two-qubit gate on (q0, q1): Kronecker embedding on adjacent qubits q, q+1, moved into place by SWAPs.</summary>
    public static Complex[,] Embed2(int n, int q0, int q1, Complex[,] g4)
    {
        // Bring q1 next to q0 (to position q0+1) by a chain of adjacent swaps, apply, and undo.
        if (q1 < q0)
        {
            return Embed2(n, q1, q0, SwapRoles(g4));
        }

        var swaps = Identity(1 << n);
        for (var k = q1; k > q0 + 1; k--)
        {
            swaps = Multiply(AdjacentKron(n, k - 1, Swap), swaps);
        }

        var core = AdjacentKron(n, q0, g4);
        return Multiply(Adjoint(swaps), Multiply(core, swaps));
    }

    public static readonly Complex[,] Swap = { { 1, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 1 } };

    private static Complex[,] AdjacentKron(int n, int q, Complex[,] g4)
    {
        var m = new Complex[,] { { 1 } };
        for (var k = 0; k < n; k++)
        {
            if (k == q)
            {
                m = Kron(m, g4);
                k++;
            }
            else
            {
                m = Kron(m, Identity(2));
            }
        }

        return m;
    }

    private static Complex[,] SwapRoles(Complex[,] g4) => Multiply(Swap, Multiply(g4, Swap));

    public static Complex[] Apply(Complex[,] u, Complex[] v)
    {
        var r = new Complex[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            var sum = Complex.Zero;
            for (var j = 0; j < v.Length; j++)
            {
                sum += u[i, j] * v[j];
            }

            r[i] = sum;
        }

        return r;
    }

    public static Complex[,] FromFlat(int dim, ReadOnlySpan<Complex> flat)
    {
        var m = new Complex[dim, dim];
        for (var i = 0; i < dim; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                m[i, j] = flat[i * dim + j];
            }
        }

        return m;
    }

    public static double MaxDifference(Complex[,] a, Complex[,] b)
    {
        var worst = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                worst = Math.Max(worst, (a[i, j] - b[i, j]).Magnitude);
            }
        }

        return worst;
    }

    public static double MaxDifference(StateVector s, Complex[] v)
    {
        var worst = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            worst = Math.Max(worst, (s[i] - v[i]).Magnitude);
        }

        return worst;
    }

    /// <summary>The full unitary of a circuit built op by op from Kronecker products of textbook matrices.</summary>
    public static Complex[,] CircuitUnitary(Circuit circuit, double[] parameters)
    {
        var u = Identity(1 << circuit.NumQubits);
        foreach (var op in circuit.Ops)
        {
            var angles = new double[3];
            op.ResolveAngles(parameters, angles);
            var g = Textbook.Matrix(op, angles);
            var full = op.Arity == 1 ? Embed1(circuit.NumQubits, op.Qubit0, g) : Embed2(circuit.NumQubits, op.Qubit0, op.Qubit1, g);
            u = Multiply(full, u);
        }

        return u;
    }
}
