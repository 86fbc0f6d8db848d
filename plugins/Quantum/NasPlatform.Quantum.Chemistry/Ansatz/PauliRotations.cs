using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Ansatz;

/// <summary>
/// exp(−i φ P / 2) for a Pauli string P as CNOTs and single-qubit gates: each X factor turned to Z by H,
/// each Y by RX(π/2), a CNOT ladder collecting the parity on the last qubit, RZ(φ) there, and everything
/// undone: 2(w − 1) CNOTs for weight w.
/// </summary>
public static class PauliRotations
{
    /// <summary>Appends exp(−i φ P / 2) to <paramref name="circuit"/>; returns the CNOTs added.</summary>
    public static int Append(Circuit circuit, PauliString pauli, Angle phi)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var qubits = Enumerable.Range(0, circuit.NumQubits).Where(q => pauli[q] != 'I').ToArray();
        if (qubits.Length == 0)
        {
            // A global phase.
            return 0;
        }

        foreach (var q in qubits)
        {
            _ = pauli[q] switch
            {
                'X' => circuit.H(q),
                'Y' => circuit.RX(q, Math.PI / 2),
                _ => circuit,
            };
        }

        for (var k = 0; k + 1 < qubits.Length; k++)
        {
            circuit.CNOT(qubits[k], qubits[k + 1]);
        }

        circuit.RZ(qubits[^1], phi);
        for (var k = qubits.Length - 2; k >= 0; k--)
        {
            circuit.CNOT(qubits[k], qubits[k + 1]);
        }

        foreach (var q in qubits)
        {
            _ = pauli[q] switch
            {
                'X' => circuit.H(q),
                'Y' => circuit.RX(q, -Math.PI / 2),
                _ => circuit,
            };
        }

        return 2 * (qubits.Length - 1);
    }

    /// <summary>Appends exp(iθG) for a generator whose terms commute, θ = parameter <paramref name="parameter"/>; returns the CNOTs added.</summary>
    public static int AppendExponential(Circuit circuit, PauliSum generator, int parameter)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(generator);
        var cnots = 0;
        foreach (var term in generator.Terms)
        {
            // exp(iθcP) = exp(−i(−2cθ)P/2).
            cnots += Append(circuit, term.Pauli, Angle.Parameter(parameter, -2 * term.Coefficient));
        }

        return cnots;
    }
}
