using System.Numerics;
using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Tapering;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Ansatz;

/// <summary>
/// The Hermitian generator G of an excitation on the molecule's qubits, with exp(θ(T − T†)) = exp(iθG),
/// in the Hamiltonian's mapping and tapering. Fermionic excitations keep the mapping's parity strings;
/// qubit excitations (Yordanov, Arvidsson-Shukur &amp; Barnes 2020) drop them (Jordan–Wigner without
/// tapering only). The Pauli terms of one generator commute, so exp(iθG) is their product exactly.
/// </summary>
public static class ExcitationGenerators
{
    /// <summary>G for <paramref name="excitation"/>.</summary>
    /// <exception cref="ArgumentException">Qubit excitations asked for another mapping than untapered Jordan–Wigner.</exception>
    public static PauliSum Generator(MolecularQubitHamiltonian hamiltonian, Excitation excitation, bool qubitExcitation = false)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        return Generator(hamiltonian.Mapping, hamiltonian.Tapering, excitation, qubitExcitation);
    }

    /// <summary>G for <paramref name="excitation"/> under <paramref name="mapping"/>, tapered by <paramref name="tapering"/> when given.</summary>
    /// <exception cref="ArgumentException">Qubit excitations asked for another mapping than untapered Jordan–Wigner.</exception>
    public static PauliSum Generator(FermionMapping mapping, Z2Tapering? tapering, Excitation excitation, bool qubitExcitation = false)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(excitation);
        if (qubitExcitation && (mapping.Kind != FermionMappingKind.JordanWigner || tapering is not null))
        {
            throw new ArgumentException("Qubit excitations are defined on untapered Jordan-Wigner qubits; use mapping jordan-wigner without taper, or fermionic excitations.", nameof(qubitExcitation));
        }

        var t = QubitOperator.Of(Complex.One, PauliString.Identity);
        foreach (var a in excitation.To)
        {
            t = t * mapping.Creation(a);
        }

        foreach (var i in excitation.From.Reverse())
        {
            t = t * mapping.Annihilation(i);
        }

        // G = (T − T†)/i; T† has the conjugate coefficients of the same (Hermitian) Pauli strings.
        var g = new QubitOperator();
        foreach (var (pauli, c) in t.Terms)
        {
            g.Add((c - Complex.Conjugate(c)) / Complex.ImaginaryOne, pauli);
        }

        if (qubitExcitation)
        {
            var keep = excitation.Modes.Aggregate(0UL, (mask, m) => mask | (1UL << m));
            var stripped = new QubitOperator();
            foreach (var (pauli, c) in g.Terms)
            {
                stripped.Add(c, new PauliString(pauli.XMask, pauli.ZMask & (keep | pauli.XMask)));
            }

            g = stripped;
        }

        var sum = g.ToPauliSum(mapping.NumModes);
        return tapering?.Apply(sum) ?? sum;
    }
}
