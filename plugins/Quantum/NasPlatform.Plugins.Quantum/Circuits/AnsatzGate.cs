using System.Globalization;

namespace NasPlatform.Plugins.Quantum.Circuits;

/// <summary>
/// One gate of a searched circuit: a parameterized rotation ("rx", "ry", "rz") on one qubit, a fixed
/// entangler ("cnot" control→target, "cz") or a parameterized one ("rzz", "rxx", "ryy": exp(−iθ P⊗P/2);
/// "xy": exp(−iθ (X⊗X + Y⊗Y)/2), the excitation-preserving XY gate; "exchange": exp(−iθ (X⊗X + Y⊗Y + Z⊗Z)/2),
/// the Heisenberg exchange gate) on a coupled pair. Written as text "ry 3" or "rzz 0 1". Parameterized gates of one
/// <see cref="Group"/> (≥ 0) share one trainable angle; a gate of group −1 has an angle of its own.
/// </summary>
/// <param name="Name">The gate's name.</param>
/// <param name="Qubit0">Its qubit, or its first qubit (the control of a CNOT).</param>
/// <param name="Qubit1">Its second qubit; −1 for a one-qubit gate.</param>
/// <param name="Group">Parameter-sharing group within the circuit; −1 for an angle of its own.</param>
public readonly record struct AnsatzGate(string Name, int Qubit0, int Qubit1 = -1, int Group = -1)
{
    /// <summary>The one-qubit rotations a circuit may use, each with one trainable angle.</summary>
    public static readonly IReadOnlyList<string> Rotations = ["rx", "ry", "rz"];

    /// <summary>The fixed two-qubit entanglers (no parameters): the spaces' default entangler choices.</summary>
    public static readonly IReadOnlyList<string> Entanglers = ["cnot", "cz"];

    /// <summary>
    /// The parameterized two-qubit rotations exp(−iθ Z⊗Z/2), exp(−iθ X⊗X/2), exp(−iθ Y⊗Y/2), and the XY gate
    /// exp(−iθ (X⊗X + Y⊗Y)/2) (RXX(θ)·RYY(θ), which commute), which keeps the number of 1s (total S^z), and the
    /// exchange gate exp(−iθ (X⊗X + Y⊗Y + Z⊗Z)/2) (RXX(θ)·RYY(θ)·RZZ(θ), all commuting; X⊗X + Y⊗Y + Z⊗Z = 2 SWAP − 1,
    /// so it is a partial swap up to a phase), which keeps the total spin: the bond term of the Heisenberg model.
    /// </summary>
    public static readonly IReadOnlyList<string> ParameterizedEntanglers = ["rzz", "rxx", "ryy", "xy", "exchange"];

    /// <summary>Every two-qubit gate a circuit may use, fixed first.</summary>
    public static readonly IReadOnlyList<string> AllEntanglers = [.. Entanglers, .. ParameterizedEntanglers];

    /// <summary>True for a two-qubit gate.</summary>
    public bool IsTwoQubit => Qubit1 >= 0;

    /// <summary>True for a gate with a trainable angle.</summary>
    public bool IsParameterized => IsParameterizedName(Name);

    /// <summary>True when the gate does not change under swapping its qubits (all two-qubit gates but CNOT).</summary>
    public bool IsSymmetric => IsTwoQubit && Name != "cnot";

    /// <summary>
    /// CNOTs in the gate's textbook decomposition: 1 for CNOT and CZ (CZ = H·CNOT·H), 2 for RZZ, RXX and RYY
    /// (CNOT·RZ·CNOT with one-qubit basis changes) and for XY (its interaction coefficients (θ, θ, 0) need two:
    /// Vatan &amp; Williams 2004), 3 for the exchange gate (coefficients (θ, θ, θ): three, the most any two-qubit
    /// gate needs), 0 for one-qubit gates.
    /// </summary>
    public int CnotCost => Name switch
    {
        "cnot" or "cz" => 1,
        "rzz" or "rxx" or "ryy" or "xy" => 2,
        "exchange" => 3,
        _ => 0,
    };

    /// <summary>True when gates of this name take a trainable angle.</summary>
    public static bool IsParameterizedName(string name) => Rotations.Contains(name) || ParameterizedEntanglers.Contains(name);

    /// <summary>"ry 3", "cnot 0 1" (the sharing group is not part of the text).</summary>
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
        var arity = Rotations.Contains(name) ? 1 : AllEntanglers.Contains(name) ? 2 : 0;
        if (arity == 0)
        {
            problem = $"unknown gate \"{name}\" in \"{text}\"; use one of {string.Join(", ", Rotations.Concat(AllEntanglers))}";
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
