using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Circuits;

/// <summary>
/// The states a searched circuit may start from, as a search choice. Each is a fixed preparation (no
/// parameters) applied to the task's own initial state, the <see cref="Reference"/>: |0…0⟩ unless the task
/// sets another (the VQE <c>initialState</c> option; the Hartree–Fock determinant for the H2 models and for
/// molecules). <see cref="Plus"/> (H on every qubit: |+…+⟩) and <see cref="Neel"/> (X on odd qubits:
/// |0101…⟩) are meant for a |0…0⟩ reference; the evaluator refuses them over another reference.
/// </summary>
public static class InitialStates
{
    /// <summary>No preparation: the task's own initial state (|0…0⟩, or e.g. a Hartree–Fock determinant). The default.</summary>
    public const string Reference = "reference";

    /// <summary>|+…+⟩: a Hadamard on every qubit, the ground state of −Σ X (the start of a QAOA or TFIM Hamiltonian-variational circuit).</summary>
    public const string Plus = "plus";

    /// <summary>The Néel state |0101…⟩: X on every odd qubit, a total-S^z = 0 start for antiferromagnets.</summary>
    public const string Neel = "neel";

    /// <summary>Every initial state, the default first.</summary>
    public static readonly IReadOnlyList<string> All = [Reference, Plus, Neel];

    /// <summary>Adds the preparation of <paramref name="name"/> to <paramref name="circuit"/>.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static void Prepare(string name, Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        switch (name)
        {
            case Reference:
                break;
            case Plus:
                for (var q = 0; q < circuit.NumQubits; q++)
                {
                    circuit.H(q);
                }

                break;
            case Neel:
                for (var q = 1; q < circuit.NumQubits; q += 2)
                {
                    circuit.X(q);
                }

                break;
            default:
                throw new ArgumentException($"Unknown initial state \"{name}\"; use one of {string.Join(", ", All)}.", nameof(name));
        }
    }
}
