using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// `nas quantum export-circuit` and `nas quantum estimate` (the quantum plugin's commands) on a real, tiny search:
/// the found circuit exported as Q#, QIR and OpenQASM, checked by Microsoft's simulator, and estimated by the
/// Azure Quantum Resource Estimator (qsharp-lang through Node); and the mistakes a user makes, each exit 2.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class QuantumQdkCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-qdk-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_found_circuit_goes_to_Q_sharp_QIR_and_OpenQasm_agrees_with_Microsofts_simulator_and_is_estimated()
    {
        var (experiment, trial) = RunSearch();

        var qsharp = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--plugins", RepoPaths.Plugins);
        Assert.True(qsharp.ExitCode == ExitCodes.Success, qsharp.Error + qsharp.Out);
        Assert.Contains("namespace NasPlatform.Found.Tiny {", qsharp.Out, StringComparison.Ordinal);
        Assert.Contains("operation PrepareFoundState(qs : Qubit[]) : Unit is Adj + Ctl", qsharp.Out, StringComparison.Ordinal);
        Assert.Contains("operation PrepareFoundStateAnsatz(theta : Double[], qs : Qubit[])", qsharp.Out, StringComparison.Ordinal);
        Assert.Contains("(theta[0], qs[0]);", qsharp.Out, StringComparison.Ordinal);

        var file = Path.Combine(_work, "out", "tiny.qs");
        var checkedRun = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--check", "-o", file, "--plugins", RepoPaths.Plugins);
        Assert.True(checkedRun.ExitCode == ExitCodes.Success, checkedRun.Error + checkedRun.Out);
        Assert.Contains("agree: largest amplitude difference", checkedRun.Error, StringComparison.Ordinal);
        Assert.Equal(qsharp.Out, File.ReadAllText(file));

        var qir = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--format", "qir", "--plugins", RepoPaths.Plugins);
        Assert.True(qir.ExitCode == ExitCodes.Success, qir.Error + qir.Out);
        Assert.Matches(@"call void @__quantum__qis__r[xy]__body\(double ", qir.Out);

        var qasm3 = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--format", "qasm3", "--plugins", RepoPaths.Plugins);
        Assert.StartsWith("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\n", qasm3.Out, StringComparison.Ordinal);
        var qasm2 = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--format", "qasm2", "--plugins", RepoPaths.Plugins);
        Assert.StartsWith("OPENQASM 2.0;", qasm2.Out, StringComparison.Ordinal);

        var estimate = CliRunner.Run("quantum", "estimate", experiment, "--trial", trial, "--error-budget", "0.01", "--plugins", RepoPaths.Plugins);
        Assert.True(estimate.ExitCode == ExitCodes.Success, estimate.Error + estimate.Out);
        Assert.Contains("logical qubits", estimate.Out, StringComparison.Ordinal);
        Assert.Contains("physical qubits", estimate.Out, StringComparison.Ordinal);
        Assert.Contains("T factories", estimate.Out, StringComparison.Ordinal);
        var saved = Directory.GetFiles(_work, "qdk-estimates.json", SearchOption.AllDirectories);
        var raw = JObject.Parse(File.ReadAllText(Assert.Single(saved)));
        Assert.Equal(0.01, (double)raw["jobParams"]!["errorBudget"]!, 12);
        Assert.True((long)raw["physicalCounts"]!["physicalQubits"]! > 0);
    }

    [Fact]
    public void Mistakes_are_named_with_the_fix_and_exit_2()
    {
        var (experiment, trial) = RunSearch();

        var format = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--format", "qsharpp", "--plugins", RepoPaths.Plugins);
        var noTrial = CliRunner.Run("quantum", "export-circuit", experiment, "--plugins", RepoPaths.Plugins);
        var absent = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", "99", "--plugins", RepoPaths.Plugins);
        var model = CliRunner.Run("quantum", "estimate", experiment, "--trial", trial, "--qubit-model", "qubit_gate_ns_e5", "--plugins", RepoPaths.Plugins);
        var budget = CliRunner.Run("quantum", "estimate", experiment, "--trial", trial, "--error-budget", "2", "--plugins", RepoPaths.Plugins);
        var typo = CliRunner.Run("quantum", "export-circuit", experiment, "--trail", trial, "--plugins", RepoPaths.Plugins);
        var name = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--name", "2bad", "--plugins", RepoPaths.Plugins);

        Assert.All(new[] { format, noTrial, absent, model, budget, typo, name }, r => Assert.Equal(ExitCodes.BadInput, r.ExitCode));
        Assert.Contains("use one of qsharp, qir, qasm3, qasm2 (did you mean qsharp?)", format.Error, StringComparison.Ordinal);
        Assert.Contains("--trial N", noTrial.Error, StringComparison.Ordinal);
        Assert.Contains("has no trial 99", absent.Error, StringComparison.Ordinal);
        Assert.Contains("qubit_gate_ns_e4", model.Error, StringComparison.Ordinal);
        Assert.Contains("between 0 and 1", budget.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean --trial", typo.Error, StringComparison.Ordinal);
        Assert.Contains("'2bad' is not a Q# identifier", name.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_node_the_QIR_export_names_what_to_install()
    {
        var (experiment, trial) = RunSearch();
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", _work);
        try
        {
            var qir = CliRunner.Run("quantum", "export-circuit", experiment, "--trial", trial, "--format", "qir", "--plugins", RepoPaths.Plugins);
            Assert.Equal(ExitCodes.BadInput, qir.ExitCode);
            Assert.Contains("sudo apt-get install nodejs npm", qir.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    /// <summary>A 3-qubit TFIM search of 3 trials; returns the experiment file and its best trial's number.</summary>
    private (string Experiment, string Trial) RunSearch()
    {
        var file = Path.Combine(_work, "tiny.json");
        File.WriteAllText(file, """
            {
              "name": "tiny",
              "plugin": "quantum",
              "searchSpace": { "name": "layerwise", "options": { "qubits": 3, "layers": 2, "coupling": "line", "rotations": ["rx", "ry"], "entanglers": ["cnot", "cz"] } },
              "evaluator": { "name": "vqe", "options": { "hamiltonian": { "model": "tfim", "qubits": 3, "j": 1, "h": 1, "periodic": false }, "optimizer": "lbfgs", "fidelities": ["s40x1"] } },
              "strategy": { "name": "random" },
              "objectives": [{ "metric": "energy", "direction": "minimize" }],
              "budget": { "trials": 2 },
              "workers": 1,
              "seed": 0
            }
            """);
        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Out);
        var trials = (JArray)JObject.Parse(CliRunner.Run("status", file, "--json").Out)["trials"]!;
        var best = trials.Where(t => (string?)t["state"] == "completed").MinBy(t => (double)t["metrics"]!["energy"]!)!;
        return (file, ((int)best["number"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
