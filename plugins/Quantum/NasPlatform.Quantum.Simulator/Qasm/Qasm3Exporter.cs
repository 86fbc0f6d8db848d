using System.Globalization;
using System.Text;

namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// Writes a circuit as OpenQASM 3 over one register <c>qubit[n] q</c> (q[k] is qubit k), with angles bound
/// to the given parameters, printed round-trip exact, using only the gates of the standard
/// <c>stdgates.inc</c> and the built-in <c>U</c> (equal to qelib1's u3, phase included). RXX, RYY and RZZ
/// are not in stdgates.inc and compilers differ in what they add (Microsoft's defines them, others do not),
/// so they are written out exactly: rzz(θ) = cx·rz(θ)·cx, rxx and ryy by basis change. Controlled rotations are
/// written out too (crz(θ) = rz(θ/2)·cx·rz(−θ/2)·cx): OpenQASM 3 gate parameters are angles modulo 2π, and
/// Microsoft's compiler reduces them so, which turns crx(−0.5) into crx(2π − 0.5) = a controlled −rx(−0.5),
/// a relative phase of −1; uncontrolled rotations only pick up a global phase that way. A one-qubit matrix
/// becomes U (global phase dropped); a two-qubit matrix its KAK decomposition (global phase dropped).
/// </summary>
public static class Qasm3Exporter
{
    public static string Export(Circuit circuit, ReadOnlySpan<double> parameters, bool measureAll = false)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var sb = new StringBuilder();
        sb.Append("OPENQASM 3.0;\n");
        sb.Append("include \"stdgates.inc\";\n");
        sb.Append(CultureInfo.InvariantCulture, $"qubit[{circuit.NumQubits}] q;\n");
        if (measureAll)
        {
            sb.Append(CultureInfo.InvariantCulture, $"bit[{circuit.NumQubits}] c;\n");
        }

        Span<double> angles = stackalloc double[3];
        foreach (var original in circuit.Ops)
        {
            IEnumerable<GateOp> ops = original.Kind == GateKind.Unitary2
                ? TwoQubitDecomposition.Decompose(original.Matrix!, original.Qubit0, original.Qubit1)
                : [original];
            foreach (var op in ops)
            {
                op.ResolveAngles(parameters, angles);
                foreach (var line in Lines(op, angles))
                {
                    sb.Append(line).Append(";\n");
                }
            }
        }

        if (measureAll)
        {
            sb.Append("c = measure q;\n");
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Lines(GateOp op, ReadOnlySpan<double> angles)
    {
        var a = $"q[{op.Qubit0}]";
        var b = $"q[{op.Qubit1}]";
        var t = op.AngleCount > 0 ? Number(angles[0]) : string.Empty;
        switch (op.Kind)
        {
            case GateKind.I:
                return [$"id {a}"];
            case GateKind.U3:
                return [$"U({t}, {Number(angles[1])}, {Number(angles[2])}) {a}"];
            case GateKind.Unitary1:
                var (theta, phi, lambda) = QasmExporter.ZyzAngles(op.Matrix!);
                return [$"U({Number(theta)}, {Number(phi)}, {Number(lambda)}) {a}"];
            case GateKind.CNOT:
                return [$"cx {a}, {b}"];
            case GateKind.CRZ:
                return ControlledRotation("rz", a, b, angles[0]);
            case GateKind.CRY:
                return ControlledRotation("ry", a, b, angles[0]);
            case GateKind.CRX:
                return [$"h {b}", .. ControlledRotation("rz", a, b, angles[0]), $"h {b}"];
            case GateKind.RZZ:
                return [$"cx {a}, {b}", $"rz({t}) {b}", $"cx {a}, {b}"];
            case GateKind.RXX:
                return [$"h {a}", $"h {b}", $"cx {a}, {b}", $"rz({t}) {b}", $"cx {a}, {b}", $"h {a}", $"h {b}"];
            case GateKind.RYY:
                // S·H maps Z to Y: (S·H) Z (S·H)† = Y, so exp(-iθY⊗Y/2) = (SH⊗SH)·exp(-iθZ⊗Z/2)·(SH⊗SH)†.
                return [$"sdg {a}", $"sdg {b}", $"h {a}", $"h {b}", $"cx {a}, {b}", $"rz({t}) {b}", $"cx {a}, {b}", $"h {a}", $"h {b}", $"s {a}", $"s {b}"];
            default:
                var name = op.Kind.ToString().ToLowerInvariant();
                var arguments = op.Arity == 2 ? $"{a}, {b}" : a;
                return [op.AngleCount > 0 ? $"{name}({t}) {arguments}" : $"{name} {arguments}"];
        }
    }

    /// <summary>c-R(θ) for R = rz or ry: R(θ/2) on the target, cx, R(−θ/2), cx (X·R(φ)·X = R(−φ)).</summary>
    private static string[] ControlledRotation(string rotation, string control, string target, double theta) =>
        [$"{rotation}({Number(theta / 2)}) {target}", $"cx {control}, {target}", $"{rotation}({Number(-theta / 2)}) {target}", $"cx {control}, {target}"];

    /// <summary>Round-trip exact, with a '.' before any exponent (as OpenQASM 2 also needs).</summary>
    private static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Angle {value} cannot be written to OpenQASM; angles must be finite.", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e >= 0 && !text.Contains('.', StringComparison.Ordinal) ? text.Insert(e, ".0") : text;
    }
}
