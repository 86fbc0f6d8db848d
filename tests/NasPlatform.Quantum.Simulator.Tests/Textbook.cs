using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>Gate matrices written out independently of the simulator (Nielsen &amp; Chuang, qelib1.inc).</summary>
internal static class Textbook
{
    private static readonly Complex I = Complex.ImaginaryOne;
    private static readonly double R = 1 / Math.Sqrt(2);

    public static Complex[,] Matrix(GateOp op, double[] a) => op.Kind switch
    {
        GateKind.I => new Complex[,] { { 1, 0 }, { 0, 1 } },
        GateKind.X => new Complex[,] { { 0, 1 }, { 1, 0 } },
        GateKind.Y => new Complex[,] { { 0, -I }, { I, 0 } },
        GateKind.Z => new Complex[,] { { 1, 0 }, { 0, -1 } },
        GateKind.H => new Complex[,] { { R, R }, { R, -R } },
        GateKind.S => new Complex[,] { { 1, 0 }, { 0, I } },
        GateKind.Sdg => new Complex[,] { { 1, 0 }, { 0, -I } },
        GateKind.T => new Complex[,] { { 1, 0 }, { 0, new Complex(R, R) } },
        GateKind.Tdg => new Complex[,] { { 1, 0 }, { 0, new Complex(R, -R) } },
        GateKind.SX => new Complex[,] { { new Complex(0.5, 0.5), new Complex(0.5, -0.5) }, { new Complex(0.5, -0.5), new Complex(0.5, 0.5) } },
        GateKind.RX => new Complex[,] { { Math.Cos(a[0] / 2), -I * Math.Sin(a[0] / 2) }, { -I * Math.Sin(a[0] / 2), Math.Cos(a[0] / 2) } },
        GateKind.RY => new Complex[,] { { Math.Cos(a[0] / 2), -Math.Sin(a[0] / 2) }, { Math.Sin(a[0] / 2), Math.Cos(a[0] / 2) } },
        GateKind.RZ => new Complex[,] { { Complex.Exp(-I * a[0] / 2), 0 }, { 0, Complex.Exp(I * a[0] / 2) } },
        GateKind.P => new Complex[,] { { 1, 0 }, { 0, Complex.Exp(I * a[0]) } },
        GateKind.U3 => new Complex[,]
        {
            { Math.Cos(a[0] / 2), -Complex.Exp(I * a[2]) * Math.Sin(a[0] / 2) },
            { Complex.Exp(I * a[1]) * Math.Sin(a[0] / 2), Complex.Exp(I * (a[1] + a[2])) * Math.Cos(a[0] / 2) },
        },
        GateKind.CNOT => Controlled(new Complex[,] { { 0, 1 }, { 1, 0 } }),
        GateKind.CZ => Controlled(new Complex[,] { { 1, 0 }, { 0, -1 } }),
        GateKind.SWAP => Dense.Swap,
        GateKind.CRX => Controlled(Matrix(op with { Kind = GateKind.RX }, a)),
        GateKind.CRY => Controlled(Matrix(op with { Kind = GateKind.RY }, a)),
        GateKind.CRZ => Controlled(Matrix(op with { Kind = GateKind.RZ }, a)),
        GateKind.RXX => PauliRotation(Dense.Kron(Pauli('X'), Pauli('X')), a[0]),
        GateKind.RYY => PauliRotation(Dense.Kron(Pauli('Y'), Pauli('Y')), a[0]),
        GateKind.RZZ => PauliRotation(Dense.Kron(Pauli('Z'), Pauli('Z')), a[0]),
        GateKind.Unitary1 => Dense.FromFlat(2, op.Matrix!.Entries),
        GateKind.Unitary2 => Dense.FromFlat(4, op.Matrix!.Entries),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static Complex[,] Pauli(char p) => p switch
    {
        'I' => new Complex[,] { { 1, 0 }, { 0, 1 } },
        'X' => new Complex[,] { { 0, 1 }, { 1, 0 } },
        'Y' => new Complex[,] { { 0, -I }, { I, 0 } },
        'Z' => new Complex[,] { { 1, 0 }, { 0, -1 } },
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    /// <summary>|0⟩⟨0|⊗I + |1⟩⟨1|⊗U, control on the first (high) qubit.</summary>
    public static Complex[,] Controlled(Complex[,] u) => new Complex[,]
    {
        { 1, 0, 0, 0 },
        { 0, 1, 0, 0 },
        { 0, 0, u[0, 0], u[0, 1] },
        { 0, 0, u[1, 0], u[1, 1] },
    };

    /// <summary>exp(−iθP/2) = cos(θ/2)·I − i·sin(θ/2)·P for a Pauli product P (P² = I).</summary>
    public static Complex[,] PauliRotation(Complex[,] p, double theta)
    {
        var dim = p.GetLength(0);
        var m = new Complex[dim, dim];
        for (var i = 0; i < dim; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                m[i, j] = (i == j ? Math.Cos(theta / 2) : 0) - I * Math.Sin(theta / 2) * p[i, j];
            }
        }

        return m;
    }

    /// <summary>A Haar-ish random unitary: Gram–Schmidt on a matrix of Gaussian entries.</summary>
    public static ComplexMatrix RandomUnitary(int dim, Random rng)
    {
        var cols = new Complex[dim][];
        for (var c = 0; c < dim; c++)
        {
            var v = new Complex[dim];
            for (var r = 0; r < dim; r++)
            {
                v[r] = new Complex(Gaussian(rng), Gaussian(rng));
            }

            for (var k = 0; k < c; k++)
            {
                var dot = Complex.Zero;
                for (var r = 0; r < dim; r++)
                {
                    dot += Complex.Conjugate(cols[k][r]) * v[r];
                }

                for (var r = 0; r < dim; r++)
                {
                    v[r] -= dot * cols[k][r];
                }
            }

            var norm = Math.Sqrt(v.Sum(x => x.Magnitude * x.Magnitude));
            cols[c] = v.Select(x => x / norm).ToArray();
        }

        var flat = new Complex[dim * dim];
        for (var r = 0; r < dim; r++)
        {
            for (var c = 0; c < dim; c++)
            {
                flat[r * dim + c] = cols[c][r];
            }
        }

        return new ComplexMatrix(dim, flat);
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
