using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Tasks;

public sealed class ExactGroundStatesTests
{
    [Theory]
    [InlineData("tfim4", -4.7587704831)]
    [InlineData("tfim8", -9.8379514475)]
    [InlineData("xxx8", -13.4997303948)]
    [InlineData("h2", -1.1373060283)]
    [InlineData("h2-parity", -1.85727503 + 0.7199689944)]
    public void KnownGroundEnergiesAreNonDegenerate(string model, double expected)
    {
        var problem = model switch
        {
            "tfim4" => Problem("""{ "hamiltonian": { "model": "tfim", "qubits": 4 } }"""),
            "tfim8" => Problem("""{ "hamiltonian": { "model": "tfim", "qubits": 8 } }"""),
            "xxx8" => Problem("""{ "hamiltonian": { "model": "heisenberg", "qubits": 8 } }"""),
            "h2" => Problem("""{ "hamiltonian": { "model": "h2" } }"""),
            _ => Problem("""{ "hamiltonian": { "model": "h2-parity" } }"""),
        };
        var exact = ExactGroundStates.Get(TestCache.Shared, problem.Hamiltonian, problem.NumQubits);
        Assert.Equal(expected, exact.Energy, 7);
        Assert.Equal(1, exact.Degeneracy);
    }

    [Fact]
    public void DegenerateGroundSpaceIsFoundAndFidelityCoversAllOfIt()
    {
        // Z0 Z1 has the ground space span{|01>, |10>}; a third, idle qubit doubles it.
        var exact = ExactGroundStates.Get(TestCache.Shared, PauliSum.Parse("Z0 Z1"), 3);
        Assert.Equal(-1.0, exact.Energy, 9);
        Assert.Equal(4, exact.Degeneracy);
        Assert.Equal(1.0, exact.Fidelity(StateVector.FromBasisString("011")), 9);
        Assert.Equal(1.0, exact.Fidelity(StateVector.FromBasisString("100")), 9);
        Assert.Equal(0.0, exact.Fidelity(StateVector.FromBasisString("000")), 9);
    }

    [Fact]
    public void TwoFoldDegeneracyIsCountedExactly()
    {
        var exact = ExactGroundStates.Get(TestCache.Shared, PauliSum.Parse("Z0 Z1 - 0.5 Z2"), 3);
        Assert.Equal(-1.5, exact.Energy, 9);
        Assert.Equal(2, exact.Degeneracy);
    }

    private static VqeProblem Problem(string options) => HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>(options), TestContexts.In());
}
