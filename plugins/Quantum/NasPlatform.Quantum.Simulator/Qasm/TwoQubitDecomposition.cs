using System.Numerics;

namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// The KAK (Cartan) decomposition of a two-qubit unitary, so that any 4×4 matrix can be written in
/// qelib1 gates: U = e^{iα}·(A0⊗A1)·RXX(x)·RYY(y)·RZZ(z)·(B0⊗B1). Follows the magic-basis construction
/// (Kraus &amp; Cirac 2001; Vatan &amp; Williams 2004): in the magic basis local gates are real orthogonal
/// matrices, so with M = B†UB (U scaled into SU(4)), the symmetric unitary MᵀM = P·D·Pᵀ gives
/// M = K1·√D·Pᵀ with K1, P ∈ SO(4). No library here does this for us (MathNet has no complex
/// simultaneous diagonalization), so it is written out and checked by rebuilding U on every call.
/// </summary>
public static partial class TwoQubitDecomposition
{
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    /// <summary>Magic basis (columns): Bell states with phases that make SU(2)⊗SU(2) real orthogonal.</summary>
    private static readonly Complex[,] Magic =
    {
        { InvSqrt2, 0, 0, new Complex(0, InvSqrt2) },
        { 0, new Complex(0, InvSqrt2), InvSqrt2, 0 },
        { 0, new Complex(0, InvSqrt2), -InvSqrt2, 0 },
        { InvSqrt2, 0, 0, new Complex(0, -InvSqrt2) },
    };

    /// <summary>The decomposition as gates in time order, on qubits <paramref name="qubit0"/> (the matrix's high bit) and <paramref name="qubit1"/>.</summary>
    public static IReadOnlyList<GateOp> Decompose(ComplexMatrix u, int qubit0, int qubit1)
    {
        if (u.Dimension != 4)
        {
            throw new ArgumentException("A two-qubit unitary is 4×4.", nameof(u));
        }

        var scaled = Scale(u);
        var m = Multiply(Adjoint(Magic), Multiply(scaled, Magic));
        var symmetric = Multiply(Transpose(m), m);
        var p = RealEigenbasis(symmetric);
        var pt = Transpose(p);
        var diagonal = Multiply(pt, Multiply(symmetric, p));
        var d = new Complex[4];
        for (var k = 0; k < 4; k++)
        {
            d[k] = Complex.Sqrt(diagonal[k, k]);
        }

        var k1 = Multiply(m, Multiply(p, Diagonal(d, invert: true)));
        if (Determinant(k1).Real < 0)
        {
            // det(K1)·Πd = det(M)·det(P) = 1, so Πd = ±1: move the sign into d so that K1 ∈ SO(4).
            d[0] = -d[0];
            k1 = Multiply(m, Multiply(p, Diagonal(d, invert: true)));
        }

        var after = Multiply(Magic, Multiply(k1, Adjoint(Magic)));
        var before = Multiply(Magic, Multiply(pt, Adjoint(Magic)));
        var (a0, a1) = KroneckerFactors(after);
        var (b0, b1) = KroneckerFactors(before);
        var (x, y, z) = Interaction(d);

        GateOp[] gates =
        [
            Circuit.MakeOp(GateKind.Unitary1, qubit0, -1, [], b0),
            Circuit.MakeOp(GateKind.Unitary1, qubit1, -1, [], b1),
            Circuit.MakeOp(GateKind.RXX, qubit0, qubit1, [Angle.Constant(x)], null),
            Circuit.MakeOp(GateKind.RYY, qubit0, qubit1, [Angle.Constant(y)], null),
            Circuit.MakeOp(GateKind.RZZ, qubit0, qubit1, [Angle.Constant(z)], null),
            Circuit.MakeOp(GateKind.Unitary1, qubit0, -1, [], a0),
            Circuit.MakeOp(GateKind.Unitary1, qubit1, -1, [], a1),
        ];
        Verify(u, gates);
        return gates;
    }

    /// <summary>U·det(U)^(−1/4), so det = 1.</summary>
    private static Complex[,] Scale(ComplexMatrix u)
    {
        var a = new Complex[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                a[i, j] = u[i, j];
            }
        }

        var factor = Complex.Pow(Determinant(a), -0.25);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                a[i, j] *= factor;
            }
        }

        return a;
    }

    /// <summary>
    /// A real orthogonal P (det +1) with PᵀSP diagonal for a symmetric unitary S: its real and imaginary
    /// parts are commuting real symmetric matrices, so a generic combination of them shares their eigenvectors.
    /// </summary>
    private static Complex[,] RealEigenbasis(Complex[,] s)
    {
        foreach (var mix in new[] { 0.6180339887, 1.4142135623, -2.7182818284, 0.3183098862, 3.3166247903 })
        {
            var combination = new double[4, 4];
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    combination[i, j] = 0.5 * (s[i, j].Real + s[j, i].Real) + mix * 0.5 * (s[i, j].Imaginary + s[j, i].Imaginary);
                }
            }

            var (_, vectors) = SymmetricEigen.Jacobi(combination);
            var p = new Complex[4, 4];
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    p[i, j] = vectors[i, j];
                }
            }

            if (Determinant(p).Real < 0)
            {
                for (var i = 0; i < 4; i++)
                {
                    p[i, 0] = -p[i, 0];
                }
            }

            var check = Multiply(Transpose(p), Multiply(s, p));
            var offDiagonal = 0.0;
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    offDiagonal = i == j ? offDiagonal : Math.Max(offDiagonal, check[i, j].Magnitude);
                }
            }

            if (offDiagonal < 1e-9)
            {
                return p;
            }
        }

        throw new InvalidOperationException("The two-qubit matrix could not be decomposed: MᵀM has no common real eigenbasis (is the matrix unitary?).");
    }

    /// <summary>
    /// Angles of RXX·RYY·RZZ whose magic-basis eigenphases are those of diag(d), up to a global phase:
    /// XX, YY and ZZ are diagonal in the magic basis with entries ±1, so the phases are linear in the angles.
    /// </summary>
    private static (double X, double Y, double Z) Interaction(Complex[] d)
    {
        var system = new double[4, 5];
        var paulis = new[] { PauliPair(GateKind.X), PauliPair(GateKind.Y), PauliPair(GateKind.Z) };
        for (var k = 0; k < 4; k++)
        {
            for (var g = 0; g < 3; g++)
            {
                var inMagic = Multiply(Adjoint(Magic), Multiply(paulis[g], Magic));
                // RPP(θ) = exp(−iθ·PP/2): phase −θ/2·(eigenvalue).
                system[k, g] = -0.5 * inMagic[k, k].Real;
            }

            system[k, 3] = 1; // global phase
            system[k, 4] = d[k].Phase;
        }

        var solution = SolveReal(system);
        return (solution[0], solution[1], solution[2]);
    }

    private static Complex[,] PauliPair(GateKind pauli)
    {
        Span<Complex> p = stackalloc Complex[4];
        Span<Complex> pp = stackalloc Complex[16];
        Gates.Matrix1(pauli, [], p);
        MatrixMath.Kron2(p, p, pp);
        var result = new Complex[4, 4];
        for (var i = 0; i < 16; i++)
        {
            result[i / 4, i % 4] = pp[i];
        }

        return result;
    }

    /// <summary>A, B with M = c·(A⊗B) for a product matrix M, both scaled to determinant 1.</summary>
    private static (ComplexMatrix A, ComplexMatrix B) KroneckerFactors(Complex[,] m)
    {
        var (bi, bj, best) = (0, 0, -1.0);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                var norm = 0.0;
                for (var k = 0; k < 4; k++)
                {
                    norm += m[2 * i + k / 2, 2 * j + k % 2].Magnitude;
                }

                if (norm > best)
                {
                    (bi, bj, best) = (i, j, norm);
                }
            }
        }

        var b = new Complex[4];
        for (var k = 0; k < 4; k++)
        {
            b[k] = m[2 * bi + k / 2, 2 * bj + k % 2];
        }

        var scale = Complex.Sqrt(b[0] * b[3] - b[1] * b[2]);
        for (var k = 0; k < 4; k++)
        {
            b[k] /= scale;
        }

        var a = new Complex[4];
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                var sum = Complex.Zero;
                for (var k = 0; k < 4; k++)
                {
                    sum += Complex.Conjugate(b[k]) * m[2 * i + k / 2, 2 * j + k % 2];
                }

                a[2 * i + j] = sum / 2;
            }
        }

        return (new ComplexMatrix(2, a), new ComplexMatrix(2, b));
    }

    private static void Verify(ComplexMatrix u, IReadOnlyList<GateOp> gates)
    {
        var circuit = new Circuit(2);
        foreach (var gate in gates)
        {
            circuit.Add(gate with { Qubit0 = gate.Qubit0 == gates[0].Qubit0 ? 0 : 1, Qubit1 = gate.Arity == 2 ? 1 : -1 });
        }

        var rebuilt = circuit.ToUnitary([]);
        // Global phase from the largest entry of U.
        var (r, c) = (0, 0);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                (r, c) = u[i, j].Magnitude > u[r, c].Magnitude ? (i, j) : (r, c);
            }
        }

        var phase = u[r, c] / rebuilt[r, c];
        var error = 0.0;
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                error = Math.Max(error, (phase * rebuilt[i, j] - u[i, j]).Magnitude);
            }
        }

        if (error > 1e-8)
        {
            throw new InvalidOperationException($"The two-qubit matrix could not be decomposed to 1e-8 (error {error:G3}); is it unitary?");
        }
    }
}
