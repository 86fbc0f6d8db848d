using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// ADAPT-VQE's selection signal: for each pool operator A_k = iG_k appended to the circuit with angle θ,
/// dE/dθ at θ = 0 is ⟨ψ|[H, A_k]|ψ⟩ = i⟨ψ|[H, G_k]|ψ⟩ = −2 Im⟨Hψ|G_kψ⟩. One H·ψ is shared; each operator
/// costs one G_k·ψ and an inner product (on hardware, one commutator expectation: counted as one circuit
/// evaluation per operator in the benchmark accounting).
/// </summary>
public static class PoolGradients
{
    /// <summary>The gradient of every generator at <paramref name="state"/>.</summary>
    public static double[] Compute(PauliSum hamiltonian, StateVector state, IReadOnlyList<PauliSum> generators)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(generators);
        var hPsi = new StateVector(state.NumQubits);
        hamiltonian.Apply(state, hPsi);
        var gPsi = new StateVector(state.NumQubits);
        var gradients = new double[generators.Count];
        for (var k = 0; k < generators.Count; k++)
        {
            generators[k].Apply(state, gPsi);
            gradients[k] = -2.0 * hPsi.InnerProduct(gPsi).Imaginary;
        }

        return gradients;
    }
}
