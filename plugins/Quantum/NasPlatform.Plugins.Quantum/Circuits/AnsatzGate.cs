using System.Globalization;

namespace NasPlatform.Plugins.Quantum.Circuits;

/// <summary>
/// One gate of a searched circuit: a parameterized rotation ("rx", "ry", "rz") on one qubit, or an
/// entangler ("cnot" control→target, "cz") on a coupled pair. Written as text "ry 3" or "cnot 0 1".
/// </summary>
public readonly record struct AnsatzGate(string Name, int Qubit0, int Qubit1 = -1)
{
    /// <summary>The one-qubit rotations a circuit may use, each with one trainable angle.</summary>
    public static readonly IReadOnlyList<string> Rotations = ["rx", "ry", "rz"];

    /// <summary>The two-qubit entanglers a circuit may use (no parameters).</summary>
    public static readonly IReadOnlyList<string> Entanglers = ["cnot", "cz"];

    /// <summary>True for a two-qubit gate.</summary>
    public bool IsTwoQubit => Qubit1 >= 0;

    /// <summary>True for a gate with a trainable angle.</summary>
    public bool IsParameterized => Rotations.Contains(Name);

    /// <summary>"ry 3", "cnot 0 1".</summary>
    public override string ToString() => IsTwoQubit
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} {Qubit0} {Qubit1}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} {Qubit0}");

    /// <summary>Parses "ry 3" or "cnot 0 1"; null with a reason when malformed.</summary>
    public static AnsatzGate? TryParse(string? text, out string problem)
    {
        problem = string.Empty;
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3)
        {
            problem = $"\"{text}\" is not a gate; write \"ry 3\" (rotation, qubit) or \"cnot 0 1\" (entangler, two qubits)";
            return null;
        }

        var name = parts[0];
        var arity = Rotations.Contains(name) ? 1 : Entanglers.Contains(name) ? 2 : 0;
        if (arity == 0)
        {
            problem = $"unknown gate \"{name}\" in \"{text}\"; use one of {string.Join(", ", Rotations.Concat(Entanglers))}";
            return null;
        }

        if (parts.Length != arity + 1)
        {
            problem = $"\"{text}\": {name} takes {arity} qubit{(arity == 1 ? string.Empty : "s")}";
            return null;
        }

        var qubits = new int[arity];
        for (var i = 0; i < arity; i++)
        {
            if (!int.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out qubits[i]))
            {
                problem = $"\"{text}\": \"{parts[i + 1]}\" is not a qubit index";
                return null;
            }
        }

        if (arity == 2 && qubits[0] == qubits[1])
        {
            problem = $"\"{text}\" acts twice on qubit {qubits[0]}";
            return null;
        }

        return new AnsatzGate(name, qubits[0], arity == 2 ? qubits[1] : -1);
    }
}
