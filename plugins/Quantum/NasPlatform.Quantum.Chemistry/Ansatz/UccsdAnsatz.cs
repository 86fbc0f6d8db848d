using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Ansatz;

/// <summary>
/// Unitary coupled cluster with singles and doubles, one Trotter step: X gates preparing the Hartree–Fock
/// state, then exp(θ_k (T_k − T_k†)) for every excitation of <see cref="ExcitationPool"/>, one parameter
/// each (parameter k is excitation k). The baseline chemists use, with its CNOT count.
/// </summary>
/// <param name="Circuit">The whole circuit, Hartree–Fock preparation included.</param>
/// <param name="Excitations">The excitation of each parameter.</param>
/// <param name="CnotCount">CNOTs of the excitations.</param>
public sealed record UccsdAnsatz(Circuit Circuit, IReadOnlyList<Excitation> Excitations, int CnotCount)
{
    /// <summary>Builds UCCSD (or its qubit-excitation form, QEB-UCCSD) for <paramref name="hamiltonian"/>.</summary>
    public static UccsdAnsatz Build(MolecularQubitHamiltonian hamiltonian, bool qubitExcitations = false)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        var circuit = new Circuit(hamiltonian.NumQubits);
        for (var q = 0; q < hamiltonian.NumQubits; q++)
        {
            if (hamiltonian.HartreeFockState[q] == '1')
            {
                circuit.X(q);
            }
        }

        var excitations = ExcitationPool.SinglesAndDoubles(hamiltonian);
        var cnots = 0;
        for (var k = 0; k < excitations.Count; k++)
        {
            cnots += PauliRotations.AppendExponential(circuit, ExcitationGenerators.Generator(hamiltonian, excitations[k], qubitExcitations), k);
        }

        return new UccsdAnsatz(circuit, excitations, cnots);
    }
}
