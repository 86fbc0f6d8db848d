using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>Reference energies: the values, reproduced by reference/spin_chains.py (numpy/scipy).</summary>
public class HamiltonianTests
{
    [Theory]
    [InlineData(4, 1.0, 1.0, false, -4.7587704831)]
    [InlineData(8, 1.0, 1.0, false, -9.8379514475)]
    [InlineData(6, 1.0, 0.7, true, -6.7828160575)]
    [InlineData(12, 1.0, 1.0, false, -14.9259711099)]
    public void Tfim_ground_energies(int n, double j, double h, bool periodic, double expected)
    {
        var result = Lanczos.GroundState(Hamiltonians.TransverseFieldIsing(n, j, h, periodic));
        Assert.True(result.Converged);
        Near(expected, result.Energy, 1e-9);
        Near(expected, Hamiltonians.TransverseFieldIsing(n, j, h, periodic).Expectation(result.State), 1e-9);
    }

    [Theory]
    [InlineData(8, 1.0, 1.0, 1.0, false, -13.4997303948)]
    [InlineData(6, 0.8, 1.3, 0.5, true, -10.0421705005)]
    public void Heisenberg_ground_energies(int n, double jx, double jy, double jz, bool periodic, double expected)
    {
        var result = Lanczos.GroundState(Hamiltonians.HeisenbergXxz(n, jx, jy, jz, periodic));
        Assert.True(result.Converged);
        Near(expected, result.Energy, 1e-9);
    }

    [Fact]
    public void H2_four_qubit_fci_and_hartree_fock()
    {
        var h = Hamiltonians.H2Sto3G();
        Assert.Equal(4, h.NumQubits);
        Assert.Equal(15, h.Terms.Count);
        var ground = Lanczos.GroundState(h);
        // The 9-digit coefficients reproduce FCI to about 1e-9 (numpy gives −1.1373060275).
        Near(Hamiltonians.H2FciEnergy, ground.Energy, 1e-8);
        var hf = StateVector.FromBasisString(Hamiltonians.H2HartreeFockState);
        Near(Hamiltonians.H2HartreeFockEnergy, h.Expectation(hf), 1e-8);
    }

    [Fact]
    public void H2_parity_form_lowest_eigenvalue()
    {
        var ground = Lanczos.GroundState(Hamiltonians.H2Sto3GParity());
        Near(Hamiltonians.H2ParityLowestEigenvalue, ground.Energy, 1e-8);
        Near(Hamiltonians.H2FciEnergy, ground.Energy + Hamiltonians.H2NuclearRepulsion, 1e-6);
    }

    [Fact]
    public void Lanczos_returns_an_eigenvector_with_a_small_residual_and_small_restart_cycles_still_converge()
    {
        var h = Hamiltonians.TransverseFieldIsing(10, 1.0, 0.9, true);
        var result = Lanczos.GroundState(h, krylovSize: 10, rng: new Random(2));
        var reference = Lanczos.GroundState(h);
        Assert.True(result.Converged);
        Near(reference.Energy, result.Energy, 1e-9);
        Assert.True(result.Residual < 1e-7);
        Near(1.0, result.State.Fidelity(reference.State), 1e-6);
    }

    /// <summary>|expected − actual| ≤ tolerance (xunit's decimal-places form rounds both sides first).</summary>
    internal static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R} (tolerance {tolerance:E1})");
}
