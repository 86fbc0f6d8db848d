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
/// <item>Double p,q → s,t, 13 CNOTs (the count of Yordanov et al. 2020): exp(iθG) is the product of the
/// rotations of G's eight commuting Pauli strings (all X/Y on p,q,s,t with an odd number of Y), each by φ/8.
/// A Clifford frame (CNOTs with H and S) that turns one string into a single-qubit Y turns its rotation into
/// an RY(±φ/4). Three CNOTs reach the first such frame; seven single-CNOT steps each reach a frame with a
/// string not yet rotated; three CNOTs and one-qubit Cliffords return to the identity up to a Pauli, which the
/// last X is. The frame path was found by a search over Clifford frames modulo one-qubit Cliffords; with
/// CNOT-only frames (and with CNOT and H only) the search found no 3 + 7 + 3 path, hence the S gates. The textbook
/// alternative, a CNOT ladder around a 3-controlled RY (3 + 8 + 3), costs 14.</item>
/// </list>
/// The phases of S and S† cancel, so the circuit equals exp(iθG) exactly, not only up to a global phase
/// (tested against the product of the generator's Pauli rotations).
/// </summary>
public static class QubitExcitationCircuits
{
    /// <summary>CNOTs of a single's circuit.</summary>
    public const int SingleCnots = 2;

    /// <summary>CNOTs of a double's circuit.</summary>
    public const int DoubleCnots = 13;

    // The 13-CNOT double on the roles 0 = p, 1 = q (from), 2 = s, 3 = t (to): C = CNOT(a→b), H, S, s = S†, X on a,
    // R = RY(b·φ/4) on a. Checked gate by gate against exp(θ(|f⟩⟨t| − |t⟩⟨f|)) to 1e-15 when it was found.
    private static readonly (char Gate, int A, int B)[] DoubleGates =
    [
        ('S', 0, 0), ('H', 0, 0), ('C', 0, 3), ('S', 2, 0), ('C', 1, 2), ('C', 0, 1),
        ('R', 0, -1), ('C', 1, 3), ('R', 1, 1), ('H', 2, 0), ('C', 1, 2), ('R', 1, -1), ('H', 3, 0), ('C', 1, 3),
        ('R', 1, 1), ('C', 1, 2), ('R', 1, -1), ('C', 0, 2), ('R', 0, 1), ('C', 0, 3), ('R', 0, -1), ('C', 0, 2),
        ('R', 0, 1), ('C', 0, 1), ('H', 2, 0), ('C', 1, 2), ('S', 3, 0), ('C', 1, 3),
        ('H', 0, 0), ('s', 0, 0), ('s', 1, 0), ('s', 2, 0), ('S', 3, 0), ('H', 3, 0), ('X', 3, 0),
    ];

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

        int[] roles = [excitation.From[0], excitation.From[1], excitation.To[0], excitation.To[1]];
        foreach (var (gate, a, b) in DoubleGates)
        {
            _ = gate switch
            {
                'C' => circuit.CNOT(roles[a], roles[b]),
                'H' => circuit.H(roles[a]),
                'S' => circuit.S(roles[a]),
                's' => circuit.Sdg(roles[a]),
                'X' => circuit.X(roles[a]),
                // b is the sign of the string's coefficient in the frame: RY(±φ/4), φ = rθ.
                _ => circuit.RY(roles[a], Angle.Parameter(parameter, b * r / 4)),
            };
        }

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
