using System.Globalization;
using System.Numerics;
using System.Text;

namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// Writes a circuit as OpenQASM 2.0 over one register <c>q</c> (q[k] is qubit k), with angles bound to
/// the given parameters and printed round-trip exact. Names follow qelib1.inc; P is written as u1 and
/// RYY gets a gate definition (neither is in every qelib1.inc). A one-qubit matrix becomes u3 (global
/// phase dropped). A two-qubit matrix has no qelib1 form: it is written as its KAK decomposition,
/// u3 on each qubit, rxx·ryy·rzz, u3 on each qubit (global phase dropped).
/// </summary>
public static class QasmExporter
{
    public const string RyyDefinition =
        "gate ryy(theta) a,b { rx(pi/2) a; rx(pi/2) b; cx a,b; rz(theta) b; cx a,b; rx(-pi/2) a; rx(-pi/2) b; }";

    public static string Export(Circuit circuit, ReadOnlySpan<double> parameters, bool measureAll = false)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var sb = new StringBuilder();
        sb.Append("OPENQASM 2.0;\n");
        sb.Append("include \"qelib1.inc\";\n");
        var ops = new List<GateOp>(circuit.Ops.Count);
        foreach (var op in circuit.Ops)
        {
            if (op.Kind == GateKind.Unitary2)
            {
                ops.AddRange(TwoQubitDecomposition.Decompose(op.Matrix!, op.Qubit0, op.Qubit1));
            }
            else
            {
                ops.Add(op);
            }
        }

        if (ops.Any(op => op.Kind == GateKind.RYY))
        {
            sb.Append(RyyDefinition).Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"qreg q[{circuit.NumQubits}];\n");
        if (measureAll)
        {
            sb.Append(CultureInfo.InvariantCulture, $"creg c[{circuit.NumQubits}];\n");
        }

        Span<double> angles = stackalloc double[3];
        foreach (var op in ops)
        {
            op.ResolveAngles(parameters, angles);
            var name = op.Kind switch
            {
                GateKind.I => "id",
                GateKind.P => "u1",
                GateKind.U3 => "u3",
                GateKind.CNOT => "cx",
                GateKind.Unitary1 => "u3",
                _ => op.Kind.ToString().ToLowerInvariant(),
            };
            sb.Append(name);
            if (op.Kind == GateKind.Unitary1)
            {
                var (theta, phi, lambda) = ZyzAngles(op.Matrix!);
                sb.Append('(').Append(Number(theta)).Append(',').Append(Number(phi)).Append(',').Append(Number(lambda)).Append(')');
            }
            else if (op.AngleCount > 0)
            {
                sb.Append('(');
                for (var k = 0; k < op.AngleCount; k++)
                {
                    sb.Append(k > 0 ? "," : string.Empty).Append(Number(angles[k]));
                }

                sb.Append(')');
            }

            sb.Append(CultureInfo.InvariantCulture, $" q[{op.Qubit0}]");
            if (op.Arity == 2)
            {
                sb.Append(CultureInfo.InvariantCulture, $",q[{op.Qubit1}]");
            }

            sb.Append(";\n");
        }

        if (measureAll)
        {
            sb.Append("measure q -> c;\n");
        }

        return sb.ToString();
    }

    /// <summary>θ, φ, λ with U = e^{iα}·U3(θ, φ, λ).</summary>
    public static (double Theta, double Phi, double Lambda) ZyzAngles(ComplexMatrix u)
    {
        // Remove the global phase so that U[0,0] is real and non-negative.
        var a = u[0, 0];
        var c = u[1, 0];
        var theta = 2 * Math.Atan2(c.Magnitude, a.Magnitude);
        var phase = a.Magnitude > 1e-12 ? a / a.Magnitude : Complex.One;
        if (a.Magnitude <= 1e-12)
        {
            // θ = π: U = e^{iα}[[0, −e^{iλ}], [e^{iφ}, 0]]; choose λ = 0, so −U[0,1] carries the phase.
            phase = -u[0, 1] / u[0, 1].Magnitude;
            return (theta, (u[1, 0] / phase).Phase, 0.0);
        }

        var phi = (c / phase).Phase;
        var lambda = (-u[0, 1] / phase).Phase;
        if (c.Magnitude <= 1e-12)
        {
            // θ = 0: only φ + λ matters; put it all in λ.
            lambda = (u[1, 1] / phase).Phase;
            phi = 0.0;
        }

        return (theta, phi, lambda);
    }

    /// <summary>Round-trip exact; OpenQASM 2.0 reals need a '.' before an exponent ("1.0E-05", not "1E-05").</summary>
    private static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Angle {value} cannot be written to OpenQASM; angles must be finite.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        return e >= 0 && !text.Contains('.') ? text.Insert(e, ".0") : text;
    }
}
