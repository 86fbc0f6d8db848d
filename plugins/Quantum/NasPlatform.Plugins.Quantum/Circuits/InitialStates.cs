using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Circuits;

/// <summary>
/// The states a searched circuit may start from, as a search choice. Each is a fixed preparation (no
/// parameters) applied to the task's own initial state, the <see cref="Reference"/>: |0…0⟩ unless the task
/// sets another (the VQE <c>initialState</c> option; the Hartree–Fock determinant for the H2 models and for
/// molecules). <see cref="Plus"/> (H on every qubit: |+…+⟩), <see cref="Neel"/> (X on odd qubits:
/// |0101…⟩) and <see cref="Dimer"/> (singlets on the even bonds) are meant for a |0…0⟩ reference; the
/// evaluator refuses them over another reference.
/// </summary>
public static class InitialStates
{
    /// <summary>No preparation: the task's own initial state (|0…0⟩, or e.g. a Hartree–Fock determinant). The default.</summary>
    public const string Reference = "reference";

    /// <summary>|+…+⟩: a Hadamard on every qubit, the ground state of −Σ X (the start of a QAOA or TFIM Hamiltonian-variational circuit).</summary>
    public const string Plus = "plus";

    /// <summary>The Néel state |0101…⟩: X on every odd qubit, a total-S^z = 0 start for antiferromagnets.</summary>
    public const string Neel = "neel";

    /// <summary>
    /// Singlet dimers on the even bonds (0,1), (2,3), …: each pair in (|01⟩ − |10⟩)/√2 (an odd last qubit stays
    /// |0⟩), a total-spin-0 product state, the start of the Hamiltonian-variational ansatz for Heisenberg and XXZ
    /// chains (Ho &amp; Hsieh 2019; Wiersema et al., PRX Quantum 1, 020319 (2020)). Prepared per pair by
    /// X, H on the first qubit, X on the second, then CNOT first→second.
    /// </summary>
    public const string Dimer = "dimer";

    /// <summary>Every initial state, the default first.</summary>
    public static readonly IReadOnlyList<string> All = [Reference, Plus, Neel, Dimer];

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
            case Dimer:
                for (var q = 0; q + 1 < circuit.NumQubits; q += 2)
                {
                    // |00⟩ → |10⟩ → (|00⟩ − |10⟩)/√2 → (|01⟩ − |11⟩)/√2 → (|01⟩ − |10⟩)/√2.
                    circuit.X(q).H(q).X(q + 1).CNOT(q, q + 1);
                }

                break;
            default:
                throw new ArgumentException($"Unknown initial state \"{name}\"; use one of {string.Join(", ", All)}.", nameof(name));
        }
    }
}
