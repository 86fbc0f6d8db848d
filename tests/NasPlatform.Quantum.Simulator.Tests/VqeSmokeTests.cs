using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>End-to-end: adjoint gradients drive a VQE to the exact energies (plain gradient descent).</summary>
public class VqeSmokeTests
{
    private const double ChemicalAccuracy = 1.6e-3;

    [Fact]
    public void H2_four_qubit_vqe_reaches_chemical_accuracy_from_hartree_fock()
    {
        // cos(θ/2)|0011⟩ + sin(θ/2)|1100⟩: θ = π is the Hartree–Fock state |1100⟩.
        var circuit = new Circuit(4).RY(0, Angle.Parameter(0)).CNOT(0, 1).X(2).X(3).CNOT(0, 2).CNOT(0, 3);
        var h = Hamiltonians.H2Sto3G();
        double[] theta = [Math.PI];
        var start = new StateVector(4);
        circuit.Apply(start, theta);
        Assert.Equal(1.0, start.Probability(StateVector.ParseBasisString(Hamiltonians.H2HartreeFockState)), 12);

        var energy = Descend(circuit, h, theta, steps: 200, rate: 0.5);
        Assert.True(energy - Hamiltonians.H2FciEnergy < ChemicalAccuracy);
        Assert.True(energy >= Hamiltonians.H2FciEnergy - 1e-8);
        Assert.True(Hamiltonians.H2HartreeFockEnergy - energy > 0.02);
    }

    [Fact]
    public void H2_parity_vqe_reaches_the_lowest_eigenvalue()
    {
        var circuit = new Circuit(2).RY(0, Angle.Parameter(0)).RY(1, Angle.Parameter(1)).CNOT(0, 1).RY(0, Angle.Parameter(2)).RY(1, Angle.Parameter(3));
        double[] theta = [0.1, -0.2, 0.3, 0.1];
        var energy = Descend(circuit, Hamiltonians.H2Sto3GParity(), theta, steps: 400, rate: 0.3);
        Assert.True(Math.Abs(energy - Hamiltonians.H2ParityLowestEigenvalue) < 1e-6);
    }

    private static double Descend(Circuit circuit, PauliSum h, double[] theta, int steps, double rate)
    {
        var workspace = new AdjointGradient(circuit.NumQubits);
        var gradient = new double[theta.Length];
        var energy = 0.0;
        for (var step = 0; step < steps; step++)
        {
            energy = workspace.Evaluate(circuit, theta, h, gradient);
            for (var p = 0; p < theta.Length; p++)
            {
                theta[p] -= rate * gradient[p];
            }
        }

        return energy;
    }
}
