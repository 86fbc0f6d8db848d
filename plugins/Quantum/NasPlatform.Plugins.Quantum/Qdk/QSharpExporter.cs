using System.Globalization;
using System.Text;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// Writes a circuit as a Q# namespace for Microsoft's Quantum Development Kit, in the current QDK's
/// idiom (<c>Std.Intrinsic</c> gates, <c>is Adj + Ctl</c> operations over a <c>Qubit[]</c>):
/// <list type="bullet">
/// <item><c>{Name}(qs)</c>: the trained circuit, every angle a literal;</item>
/// <item><c>{Name}Ansatz(theta, qs)</c>: the same circuit with its trainable angles taken from the array
/// <c>theta</c> (offset + scale · theta[k], as the search's parameters are), so <c>{Name}(qs)</c> is
/// <c>{Name}Ansatz(TrainedParameters(), qs)</c>;</item>
/// <item><c>TrainedParameters()</c>: the trained values; <c>Main()</c>: an entry point that prepares the
/// state from |0…0⟩ and measures every qubit (what QIR generation and the Resource Estimator compile).</item>
/// </list>
/// Qubit k of our circuit is <c>qs[k]</c>. Q#'s <c>DumpMachine</c> prints basis states with <c>qs[0]</c> as the
/// leftmost bit, as our <see cref="StateVector"/> names them: |100⟩ is qubit 0 set on both sides.
/// Gates: rotations as <c>Rx/Ry/Rz</c>, <c>Rxx/Ryy/Rzz</c> (all exp(-iθP/2) in both), P as <c>R1</c>, U3 as
/// R1(λ)·Ry(θ)·R1(φ) (exactly qelib1's u3, phase included), controlled rotations as <c>Controlled Rx</c>,
/// a one-qubit matrix through its ZYZ angles and a two-qubit matrix through its KAK decomposition
/// (<see cref="TwoQubitDecomposition"/>): those two drop a global phase, so under <c>Controlled</c> they
/// differ from the matrix by a relative phase.
/// </summary>
public static class QSharpExporter
{
    /// <summary>The Q# source of <paramref name="circuit"/> with <paramref name="parameters"/> as its trained values.</summary>
    /// <param name="circuit">The circuit; its parameterized angles index <paramref name="parameters"/>.</param>
    /// <param name="parameters">The trained parameter values.</param>
    /// <param name="namespaceName">The Q# namespace (dotted identifiers).</param>
    /// <param name="operationName">The name of the baked operation (an identifier).</param>
    /// <param name="header">Comment lines written at the top (provenance); may be empty.</param>
    public static string Export(Circuit circuit, IReadOnlyList<double> parameters, string namespaceName, string operationName, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(header);
        CheckIdentifier(namespaceName, dotted: true);
        CheckIdentifier(operationName, dotted: false);
        var values = parameters.ToArray();
        var count = Math.Max(values.Length, circuit.ParameterCount);
        if (values.Length < count)
        {
            throw new ArgumentException($"The circuit uses {count} parameters but {values.Length} values were given.", nameof(parameters));
        }

        var sb = new StringBuilder();
        foreach (var line in header)
        {
            sb.Append("// ").Append(line).Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"namespace {namespaceName} {{\n");
        sb.Append("    import Std.Diagnostics.*;\n    import Std.Measurement.*;\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"    /// The found circuit on {circuit.NumQubits} qubits with its trained angles; qubit k of the search is qs[k].\n");
        sb.Append(CultureInfo.InvariantCulture, $"    operation {operationName}(qs : Qubit[]) : Unit is Adj + Ctl {{\n");
        sb.Append(CultureInfo.InvariantCulture, $"        Fact(Length(qs) == {circuit.NumQubits}, \"{operationName} acts on {circuit.NumQubits} qubits\");\n");
        AppendBody(sb, circuit, angle => Number(angle.Resolve(values)));
        sb.Append("    }\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"    /// The same circuit with its {count} trainable angles from theta (offset + scale * theta[k]).\n");
        sb.Append(CultureInfo.InvariantCulture, $"    operation {operationName}Ansatz(theta : Double[], qs : Qubit[]) : Unit is Adj + Ctl {{\n");
        sb.Append(CultureInfo.InvariantCulture, $"        Fact(Length(theta) == {count}, \"{operationName}Ansatz takes {count} angles\");\n");
        sb.Append(CultureInfo.InvariantCulture, $"        Fact(Length(qs) == {circuit.NumQubits}, \"{operationName}Ansatz acts on {circuit.NumQubits} qubits\");\n");
        AppendBody(sb, circuit, Symbolic);
        sb.Append("    }\n\n");
        sb.Append("    /// The trained values of theta.\n");
        sb.Append("    function TrainedParameters() : Double[] {\n");
        sb.Append("        [").Append(string.Join(", ", values.Take(count).Select(Number))).Append("]\n");
        sb.Append("    }\n\n");
        sb.Append("    /// Prepares the found state from |0...0> and measures every qubit in Z.\n");
        sb.Append("    @EntryPoint()\n");
        sb.Append("    operation Main() : Result[] {\n");
        sb.Append(CultureInfo.InvariantCulture, $"        use qs = Qubit[{circuit.NumQubits}];\n");
        sb.Append(CultureInfo.InvariantCulture, $"        {operationName}(qs);\n");
        sb.Append("        MResetEachZ(qs)\n");
        sb.Append("    }\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>A Q# Double literal, round-trip exact ("1.0", "-2.5e-7").</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Angle {value} cannot be written to Q#; angles must be finite.", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        var e = text.IndexOf('e', StringComparison.Ordinal);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            return text;
        }

        return e >= 0 ? text.Insert(e, ".0") : text + ".0";
    }

    private static void AppendBody(StringBuilder sb, Circuit circuit, Func<Angle, string> angleText)
    {
        foreach (var op in Lowered(circuit))
        {
            foreach (var statement in Statements(op, angleText))
            {
                sb.Append("        ").Append(statement).Append(";\n");
            }
        }
    }

    /// <summary>The circuit with two-qubit matrices replaced by their KAK decomposition (no Q# gate takes a matrix and compiles to QIR).</summary>
    private static List<GateOp> Lowered(Circuit circuit)
    {
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

        return ops;
    }

    private static IEnumerable<string> Statements(GateOp op, Func<Angle, string> angleText)
    {
        var a = $"qs[{op.Qubit0}]";
        var b = $"qs[{op.Qubit1}]";
        string A(int slot) => angleText(op.GetAngle(slot));
        return op.Kind switch
        {
            GateKind.I => [$"I({a})"],
            GateKind.X or GateKind.Y or GateKind.Z or GateKind.H or GateKind.S or GateKind.T or GateKind.SX => [$"{op.Kind}({a})"],
            GateKind.Sdg => [$"Adjoint S({a})"],
            GateKind.Tdg => [$"Adjoint T({a})"],
            GateKind.RX => [$"Rx({A(0)}, {a})"],
            GateKind.RY => [$"Ry({A(0)}, {a})"],
            GateKind.RZ => [$"Rz({A(0)}, {a})"],
            GateKind.P => [$"R1({A(0)}, {a})"],
            // qelib1's u3(θ, φ, λ) = R1(φ)·Ry(θ)·R1(λ) exactly: R1(x) = e^{ix/2}·Rz(x).
            GateKind.U3 => [$"R1({A(2)}, {a})", $"Ry({A(0)}, {a})", $"R1({A(1)}, {a})"],
            GateKind.CNOT => [$"CNOT({a}, {b})"],
            GateKind.CZ => [$"CZ({a}, {b})"],
            GateKind.SWAP => [$"SWAP({a}, {b})"],
            GateKind.CRX => [$"Controlled Rx([{a}], ({A(0)}, {b}))"],
            GateKind.CRY => [$"Controlled Ry([{a}], ({A(0)}, {b}))"],
            GateKind.CRZ => [$"Controlled Rz([{a}], ({A(0)}, {b}))"],
            GateKind.RXX => [$"Rxx({A(0)}, {a}, {b})"],
            GateKind.RYY => [$"Ryy({A(0)}, {a}, {b})"],
            GateKind.RZZ => [$"Rzz({A(0)}, {a}, {b})"],
            GateKind.Unitary1 => Unitary1(op.Matrix!, a),
            _ => throw new ArgumentException($"Gate {op.Kind} has no Q# form here."),
        };
    }

    private static string[] Unitary1(ComplexMatrix matrix, string qubit)
    {
        var (theta, phi, lambda) = QasmExporter.ZyzAngles(matrix);
        return [$"R1({Number(lambda)}, {qubit})", $"Ry({Number(theta)}, {qubit})", $"R1({Number(phi)}, {qubit})"];
    }

    private static string Symbolic(Angle angle)
    {
        if (!angle.IsParameterized)
        {
            return Number(angle.Offset);
        }

        var term = angle.Scale == 1.0 ? $"theta[{angle.ParameterIndex}]" : $"{Number(angle.Scale)} * theta[{angle.ParameterIndex}]";
        return angle.Offset == 0.0 ? term : $"{Number(angle.Offset)} + {term}";
    }

    private static void CheckIdentifier(string name, bool dotted)
    {
        var parts = dotted ? name.Split('.') : [name];
        if (parts.Any(p => p.Length == 0 || !(char.IsAsciiLetter(p[0]) || p[0] == '_') || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw new ArgumentException($"'{name}' is not a Q# {(dotted ? "namespace" : "identifier")}: use letters, digits and '_'{(dotted ? ", parts joined by '.'" : string.Empty)}, starting with a letter.");
        }
    }
}
