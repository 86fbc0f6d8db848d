using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Ansatz;

/// <summary>
/// Exact circuits of whole qubit excitations exp(iθG) (Yordanov, Arvidsson-Shukur &amp; Barnes 2020; the
/// QEB-ADAPT pool, Yordanov et al. 2021). G only couples the two basis states of the excitation's qubits,
/// |f⟩ (the "from" qubits 1, the "to" qubits 0) and |t⟩ (the reverse), as a real rotation
/// |f⟩ → cos φ |f⟩ − sin φ |t⟩ with φ = rθ, r = Im⟨t|G|f⟩, and is the identity (no phase) on every other state.
/// <list type="bullet">
/// <item>Single i → a, 2 CNOTs: H(a), CNOT(a→i), RY(φ) on both, CNOT(a→i), H(a): it is exp of (XY − YX)
/// rotated so the two commuting strings become one-qubit rotations.</item>
/// <item>Double i,j → a,b, 14 CNOTs: a CNOT ladder (3) maps |f⟩ and |t⟩ to two states that differ on qubit i
/// alone, a rotation RY(2φ) of qubit i controlled on the other three qubits' values follows as a uniformly
/// controlled rotation (8 RY(±φ/4) between 8 CNOTs in Gray-code order, Möttönen et al. 2004), and the ladder
/// is undone (3). The paper's 13 saves one CNOT more by a rearrangement not done here.</item>
/// </list>
/// Every gate is real or cancels its own phase on the other states, so the circuit equals exp(iθG) exactly, not
/// only up to a global phase (tested against the product of the generator's Pauli rotations).
/// </summary>
public static class QubitExcitationCircuits
{
    /// <summary>CNOTs of a single's circuit.</summary>
    public const int SingleCnots = 2;

    /// <summary>CNOTs of a double's circuit.</summary>
    public const int DoubleCnots = 14;

    /// <summary>
    /// Appends exp(iθG) for the qubit excitation <paramref name="excitation"/> with generator
    /// <paramref name="generator"/> (its qubit-excitation generator, untapered Jordan–Wigner), θ = parameter
    /// <paramref name="parameter"/>; returns the CNOTs added.
    /// </summary>
    /// <exception cref="ArgumentException">The generator does not couple the excitation's two states.</exception>
    public static int Append(Circuit circuit, Excitation excitation, PauliSum generator, int parameter)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(excitation);
        ArgumentNullException.ThrowIfNull(generator);
        var r = Coupling(excitation, generator);
        if (!excitation.IsDouble)
        {
            var (i, a) = (excitation.From[0], excitation.To[0]);
            circuit.H(a).CNOT(a, i);
            circuit.RY(i, Angle.Parameter(parameter, r)).RY(a, Angle.Parameter(parameter, r));
            circuit.CNOT(a, i).H(a);
            return SingleCnots;
        }

        var (p, q, s, t) = (excitation.From[0], excitation.From[1], excitation.To[0], excitation.To[1]);
        // After the ladder |f⟩ is |p=1 q=0 s=1 t=0⟩ and |t⟩ is |p=0 q=0 s=1 t=0⟩.
        circuit.CNOT(s, t).CNOT(p, q).CNOT(p, s);
        int[] controls = [q, s, t];
        int[] wanted = [0, 1, 0];
        for (var k = 0; k < 8; k++)
        {
            var gray = k ^ (k >> 1);
            var next = ((k + 1) % 8) ^ (((k + 1) % 8) >> 1);
            // The X flips collected before this RY are the controls in 'gray'; its sign picks out the wanted pattern.
            var parity = Enumerable.Range(0, 3).Count(c => ((gray >> c) & 1) == 1 && wanted[c] == 1) % 2;
            circuit.RY(p, Angle.Parameter(parameter, (parity == 0 ? 1 : -1) * r / 4));
            circuit.CNOT(controls[BitOperations.Log2((uint)(gray ^ next))], p);
        }

        circuit.CNOT(p, s).CNOT(p, q).CNOT(s, t);
        return DoubleCnots;
    }

    /// <summary>r = Im⟨t|G|f⟩: G on the pair {|f⟩, |t⟩} is r times the Pauli Y of that pair.</summary>
    /// <exception cref="ArgumentException">r is zero or ⟨t|G|f⟩ not imaginary: not the generator of this excitation.</exception>
    public static double Coupling(Excitation excitation, PauliSum generator)
    {
        ArgumentNullException.ThrowIfNull(excitation);
        ArgumentNullException.ThrowIfNull(generator);
        var element = Complex.Zero;
        foreach (var term in generator.Terms)
        {
            var product = (Complex)term.Coefficient;
            foreach (var m in excitation.From)
            {
                // ⟨0|P|1⟩ on a "from" qubit.
                product *= term.Pauli[m] switch { 'X' => 1, 'Y' => -Complex.ImaginaryOne, _ => 0 };
            }

            foreach (var m in excitation.To)
            {
                // ⟨1|P|0⟩ on a "to" qubit.
                product *= term.Pauli[m] switch { 'X' => 1, 'Y' => Complex.ImaginaryOne, _ => 0 };
            }

            var others = term.Pauli.XMask & ~excitation.Modes.Aggregate(0UL, (mask, m) => mask | (1UL << m));
            element += others == 0 ? product : Complex.Zero;
        }

        if (Math.Abs(element.Imaginary) < 1e-12 || Math.Abs(element.Real) > 1e-12)
        {
            throw new ArgumentException($"The generator does not couple the two states of qubit excitation {excitation} (⟨t|G|f⟩ = {element}).", nameof(generator));
        }

        return element.Imaginary;
    }
}
