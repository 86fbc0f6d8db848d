using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>Gate facts and textbook matrices. Two-qubit matrices act on |q0 q1⟩ with the first qubit as the high bit.</summary>
public static class Gates
{
    private static readonly double InvSqrt2 = 1.0 / Math.Sqrt(2.0);

    /// <summary>Number of qubits the gate acts on (1 or 2).</summary>
    public static int Arity(GateKind kind) => kind switch
    {
        GateKind.CNOT or GateKind.CZ or GateKind.SWAP or GateKind.CRX or GateKind.CRY or GateKind.CRZ
            or GateKind.RXX or GateKind.RYY or GateKind.RZZ or GateKind.Unitary2 => 2,
        _ => 1,
    };

    /// <summary>Number of angles the gate takes.</summary>
    public static int AngleCount(GateKind kind) => kind switch
    {
        GateKind.RX or GateKind.RY or GateKind.RZ or GateKind.P or GateKind.CRX or GateKind.CRY or GateKind.CRZ
            or GateKind.RXX or GateKind.RYY or GateKind.RZZ => 1,
        GateKind.U3 => 3,
        _ => 0,
    };

    /// <summary>For a controlled gate (first qubit controls), the one-qubit gate applied to the target; otherwise null.</summary>
    public static GateKind? ControlledTarget(GateKind kind) => kind switch
    {
        GateKind.CNOT => GateKind.X,
        GateKind.CZ => GateKind.Z,
        GateKind.CRX => GateKind.RX,
        GateKind.CRY => GateKind.RY,
        GateKind.CRZ => GateKind.RZ,
        _ => null,
    };

    /// <summary>Writes the 2×2 matrix of a one-qubit gate.</summary>
    public static void Matrix1(GateKind kind, ReadOnlySpan<double> angles, Span<Complex> m)
    {
        Complex a, b, c, d;
        switch (kind)
        {
            case GateKind.I: (a, b, c, d) = (1, 0, 0, 1); break;
            case GateKind.X: (a, b, c, d) = (0, 1, 1, 0); break;
            case GateKind.Y: (a, b, c, d) = (0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0); break;
            case GateKind.Z: (a, b, c, d) = (1, 0, 0, -1); break;
            case GateKind.H: (a, b, c, d) = (InvSqrt2, InvSqrt2, InvSqrt2, -InvSqrt2); break;
            case GateKind.S: (a, b, c, d) = (1, 0, 0, Complex.ImaginaryOne); break;
            case GateKind.Sdg: (a, b, c, d) = (1, 0, 0, -Complex.ImaginaryOne); break;
            case GateKind.T: (a, b, c, d) = (1, 0, 0, Complex.FromPolarCoordinates(1, Math.PI / 4)); break;
            case GateKind.Tdg: (a, b, c, d) = (1, 0, 0, Complex.FromPolarCoordinates(1, -Math.PI / 4)); break;
            case GateKind.SX:
                var p = new Complex(0.5, 0.5);
                var q = new Complex(0.5, -0.5);
                (a, b, c, d) = (p, q, q, p);
                break;
            case GateKind.RX:
            {
                var (s, co) = Math.SinCos(angles[0] / 2);
                (a, b, c, d) = (co, new Complex(0, -s), new Complex(0, -s), co);
                break;
            }

            case GateKind.RY:
            {
                var (s, co) = Math.SinCos(angles[0] / 2);
                (a, b, c, d) = (co, -s, s, co);
                break;
            }

            case GateKind.RZ:
            {
                var (s, co) = Math.SinCos(angles[0] / 2);
                (a, b, c, d) = (new Complex(co, -s), 0, 0, new Complex(co, s));
                break;
            }

            case GateKind.P:
                (a, b, c, d) = (1, 0, 0, Complex.FromPolarCoordinates(1, angles[0]));
                break;
            case GateKind.U3:
            {
                var (s, co) = Math.SinCos(angles[0] / 2);
                var phi = angles[1];
                var lambda = angles[2];
                a = co;
                b = -Complex.FromPolarCoordinates(s, lambda);
                c = Complex.FromPolarCoordinates(s, phi);
                d = Complex.FromPolarCoordinates(co, phi + lambda);
                break;
            }

            default:
                throw new ArgumentException($"{kind} is not a fixed one-qubit gate.", nameof(kind));
        }

        m[0] = a;
        m[1] = b;
        m[2] = c;
        m[3] = d;
    }

    /// <summary>Writes the 4×4 matrix of a two-qubit gate over |q0 q1⟩.</summary>
    public static void Matrix2(GateKind kind, ReadOnlySpan<double> angles, Span<Complex> m)
    {
        m[..16].Clear();
        if (ControlledTarget(kind) is { } target)
        {
            Span<Complex> u = stackalloc Complex[4];
            Matrix1(target, angles, u);
            m[0] = 1;
            m[5] = 1;
            m[10] = u[0];
            m[11] = u[1];
            m[14] = u[2];
            m[15] = u[3];
            return;
        }

        switch (kind)
        {
            case GateKind.SWAP:
                m[0] = 1;
                m[6] = 1;
                m[9] = 1;
                m[15] = 1;
                return;
            case GateKind.RXX:
            {
                var (s, c) = Math.SinCos(angles[0] / 2);
                var ms = new Complex(0, -s);
                m[0] = m[5] = m[10] = m[15] = c;
                m[3] = m[6] = m[9] = m[12] = ms;
                return;
            }

            case GateKind.RYY:
            {
                var (s, c) = Math.SinCos(angles[0] / 2);
                m[0] = m[5] = m[10] = m[15] = c;
                // Y⊗Y has +1 on the |01⟩↔|10⟩ pair and −1 on |00⟩↔|11⟩.
                m[3] = m[12] = new Complex(0, s);
                m[6] = m[9] = new Complex(0, -s);
                return;
            }

            case GateKind.RZZ:
            {
                var (s, c) = Math.SinCos(angles[0] / 2);
                m[0] = m[15] = new Complex(c, -s);
                m[5] = m[10] = new Complex(c, s);
                return;
            }

            default:
                throw new ArgumentException($"{kind} is not a fixed two-qubit gate.", nameof(kind));
        }
    }

    /// <summary>The matrix of one gate operation, 2×2 or 4×4, resolving its angles against the parameters.</summary>
    public static void Matrix(GateOp op, ReadOnlySpan<double> parameters, Span<Complex> m)
    {
        Span<double> angles = stackalloc double[3];
        op.ResolveAngles(parameters, angles);
        switch (op.Kind)
        {
            case GateKind.Unitary1:
            case GateKind.Unitary2:
                op.Matrix!.Entries.CopyTo(m);
                break;
            default:
                if (Arity(op.Kind) == 1)
                {
                    Matrix1(op.Kind, angles, m);
                }
                else
                {
                    Matrix2(op.Kind, angles, m);
                }

                break;
        }
    }
}
