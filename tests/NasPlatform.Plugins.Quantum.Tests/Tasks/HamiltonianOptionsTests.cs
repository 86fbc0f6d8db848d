using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;

namespace NasPlatform.Plugins.Quantum.Tests.Tasks;

public sealed class HamiltonianOptionsTests
{
    [Fact]
    public void InlineSumSetsTheRegisterFromItsHighestQubit()
    {
        var problem = HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": "0.5 Z0 Z1 + 0.3 X2" }"""), TestContexts.In());
        Assert.Equal(3, problem.NumQubits);
        Assert.Null(problem.InitialState);
        Assert.Equal(2, problem.Hamiltonian.Terms.Count);

        var wider = HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": "0.5 Z0 Z1", "qubits": 4, "initialState": "0110" }"""), TestContexts.In());
        Assert.Equal(4, wider.NumQubits);
        Assert.Equal("0110", wider.InitialState);
    }

    [Fact]
    public void H2ModelsStartFromHartreeFock()
    {
        Assert.Equal("1100", HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": { "model": "h2" } }"""), TestContexts.In()).InitialState);
        Assert.Equal("10", HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": { "model": "h2-parity" } }"""), TestContexts.In()).InitialState);
    }

    [Fact]
    public void HamiltonianFileResolvesAgainstTheExperimentFolder()
    {
        var folder = Directory.CreateTempSubdirectory("hamiltonian-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "h.txt"), "-1.0 Z0 Z1\n- 0.5 X0 - 0.5 X1\n");
            var problem = HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonianFile": "h.txt" }"""), TestContexts.In(folder.FullName));
            Assert.Equal(2, problem.NumQubits);
            Assert.Equal(3, problem.Hamiltonian.Terms.Count);

            File.WriteAllText(Path.Combine(folder.FullName, "bad.txt"), "0.5 Z0 Z0");
            var error = Assert.Throws<ComponentConfigurationException>(() => HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonianFile": "bad.txt" }"""), TestContexts.In(folder.FullName)));
            Assert.Equal("hamiltonianFile", error.OptionPath);
            Assert.Contains("bad.txt", error.Message);
            Assert.Contains("line 1", error.Message);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Theory]
    [InlineData("""{ }""", "hamiltonian", "exactly one")]
    [InlineData("""{ "hamiltonian": "Z0", "hamiltonianFile": "x.txt" }""", "hamiltonianFile", "exactly one")]
    [InlineData("""{ "hamiltonianFile": "missing.txt" }""", "hamiltonianFile", "does not exist")]
    [InlineData("""{ "hamiltonian": "0.5 Z0 + + X1" }""", "hamiltonian", "line 1")]
    [InlineData("""{ "hamiltonian": "Z0 Z3", "qubits": 2 }""", "qubits", "at least 4")]
    [InlineData("""{ "hamiltonian": "Z0 Z1", "initialState": "101" }""", "initialState", "one bit per qubit")]
    [InlineData("""{ "hamiltonian": { "model": "ising" } }""", "hamiltonian.model", "tfim, heisenberg, h2 or h2-parity")]
    public void UnusableOptionsNameTheOption(string options, string optionPath, string fragment)
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>(options), TestContexts.In()));
        Assert.Equal(optionPath, error.OptionPath);
        Assert.Contains(fragment, error.Message);
    }
}
