using System.Numerics;

namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>The gates the simulator runs natively: a <see cref="GateKind"/> or an exact 2×2/4×4 matrix.</summary>
internal sealed partial class QasmParser
{
    private static GateKind? SimpleKind(string name) => name switch
    {
        "id" => GateKind.I,
        "x" => GateKind.X,
        "y" => GateKind.Y,
        "z" => GateKind.Z,
        "h" => GateKind.H,
        "s" => GateKind.S,
        "sdg" => GateKind.Sdg,
        "t" => GateKind.T,
        "tdg" => GateKind.Tdg,
        "sx" => GateKind.SX,
        "rx" => GateKind.RX,
        "ry" => GateKind.RY,
        "rz" => GateKind.RZ,
        "p" or "u1" => GateKind.P,
        "u3" or "u" or "U" => GateKind.U3,
        "cx" or "CX" => GateKind.CNOT,
        "cz" => GateKind.CZ,
        "swap" => GateKind.SWAP,
        "crx" => GateKind.CRX,
        "cry" => GateKind.CRY,
        "crz" => GateKind.CRZ,
        "rxx" => GateKind.RXX,
        "ryy" => GateKind.RYY,
        "rzz" => GateKind.RZZ,
        _ => null,
    };

    /// <summary>Emits a gate this simulator knows; false when the name is not native.</summary>
    private bool Native(string name, double[] p, int[] q, QasmToken at)
    {
        void Need(int parameters, int qubits)
        {
            if (p.Length != parameters || q.Length != qubits)
            {
                throw Error(at, $"{name} takes {parameters} parameter(s) and {qubits} qubit(s), got {p.Length} and {q.Length}");
            }
        }

        if (SimpleKind(name) is { } kind)
        {
            Need(Gates.AngleCount(kind), Gates.Arity(kind));
            Emit(kind, q, p);
            return true;
        }

        switch (name)
        {
            case "u2":
                Need(2, 1);
                Emit(GateKind.U3, q, Math.PI / 2, p[0], p[1]);
                return true;
            case "sxdg":
            {
                Need(0, 1);
                var m = new Complex[4];
                Gates.Matrix1(GateKind.SX, [], m);
                EmitMatrix(q, [Complex.Conjugate(m[0]), Complex.Conjugate(m[2]), Complex.Conjugate(m[1]), Complex.Conjugate(m[3])]);
                return true;
            }

            case "cy":
                Need(0, 2);
                EmitMatrix(q, Controlled(GateKind.Y));
                return true;
            case "ch":
                Need(0, 2);
                EmitMatrix(q, Controlled(GateKind.H));
                return true;
            case "cp" or "cu1":
                Need(1, 2);
                EmitMatrix(q, Controlled(GateKind.P, p[0]));
                return true;
            case "cu3":
                Need(3, 2);
                EmitMatrix(q, Controlled(GateKind.U3, p[0], p[1], p[2]));
                return true;
            default:
                return false;
        }
    }

    private void Emit(GateKind kind, int[] q, params double[] angles)
    {
        var list = angles.Select(Angle.Constant).ToArray();
        _steps.Add(new QasmGateStep(Circuit.MakeOp(kind, q[0], q.Length > 1 ? q[1] : -1, list, null), _call, _condition));
    }

    private void EmitMatrix(int[] q, Complex[] entries)
    {
        var matrix = new ComplexMatrix(entries.Length == 4 ? 2 : 4, entries);
        var op = Circuit.MakeOp(entries.Length == 4 ? GateKind.Unitary1 : GateKind.Unitary2, q[0], q.Length > 1 ? q[1] : -1, [], matrix);
        _steps.Add(new QasmGateStep(op, _call, _condition));
    }

    private static Complex[] Controlled(GateKind target, params double[] angles)
    {
        var m = new Complex[16];
        Gates.Matrix2(GateKind.CRX, [0.0], m);
        Span<Complex> u = stackalloc Complex[4];
        Gates.Matrix1(target, angles, u);
        m[10] = u[0];
        m[11] = u[1];
        m[14] = u[2];
        m[15] = u[3];
        return m;
    }
}
