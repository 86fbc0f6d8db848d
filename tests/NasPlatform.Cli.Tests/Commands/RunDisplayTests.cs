using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// What `nas run` shows when its output is not a terminal (a CI log): plain lines with the rate and ETA, the
/// strategy's slow steps, the best trial with the domain's headline metric, and a short summary that names the
/// artifacts and the commands to look further, on real short runs.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class RunDisplayTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-display-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void AQuantumRunEndsWithAShortSummaryNamingTheCircuitFileTheHeadlineAndTheCommands()
    {
        var file = Path.Combine(_work, "tiny vqe.json");
        File.WriteAllText(file, """
            {
              "name": "tiny-vqe",
              "plugin": "quantum",
              "searchSpace": { "name": "layerwise", "options": { "qubits": 3, "layers": 2, "coupling": "line", "rotations": ["rx", "ry"], "entanglers": ["cnot", "cz"] } },
              "evaluator": { "name": "vqe", "options": { "hamiltonian": { "model": "tfim", "qubits": 3, "j": 1, "h": 1, "periodic": false }, "optimizer": "lbfgs", "fidelities": ["s40x1"] } },
              "strategy": { "name": "random" },
              "objectives": [{ "metric": "energy", "direction": "minimize" }],
              "budget": { "trials": 3 },
              "workers": 1,
              "seed": 0
            }
            """);

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Out);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // Each trial line carries the budget, the rate and the ETA.
        Assert.Equal(3, lines.Count(l => l.StartsWith('[') && l.Contains(" trials/min, ETA ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("[3/3 trials", StringComparison.Ordinal) && l.Contains("ETA 0 s", StringComparison.Ordinal));
        // The best line shows the objective and the VQE's headline, the distance to the exact ground state.
        var best = Assert.Single(lines, l => l.StartsWith("best: trial ", StringComparison.Ordinal));
        Assert.Matches(@"^best: trial \d+ energy=-?[0-9.e+-]+; energy_error=[0-9.e+-]+$", best);
        // The circuit is named by its path, and the file holds the OpenQASM the summary no longer prints.
        var circuit = Assert.Single(lines, l => l.StartsWith("  artifact circuit: ", StringComparison.Ordinal))["  artifact circuit: ".Length..];
        Assert.StartsWith("OPENQASM", File.ReadAllText(circuit), StringComparison.Ordinal);
        Assert.DoesNotContain("OPENQASM", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("qreg", run.Out, StringComparison.Ordinal);
        // The commands to look further name the file that was run, quoted for the shell (its name has a space).
        var quoted = $"'{file}'";
        Assert.Contains(lines, l => l.StartsWith($"  nas status {quoted} ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  nas report {quoted} ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  nas dashboard {quoted} ", StringComparison.Ordinal));
        // A log gets no terminal control codes.
        Assert.DoesNotContain("\u001b", run.Out, StringComparison.Ordinal);
        var summary = lines.SkipWhile(l => !l.StartsWith("experiment 'tiny-vqe' completed", StringComparison.Ordinal)).ToList();
        Assert.InRange(summary.Count(l => l.Length > 0), 8, 16);

        // The already-finished experiment shows the same short summary.
        var again = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains(best, again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("OPENQASM", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void APredictorGuidedRunSaysWhenItRefitsItsPredictorBetweenTrials()
    {
        var file = Path.Combine(_work, "guided.json");
        File.WriteAllText(file, $$"""
            {
              "name": "guided",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": {
                "name": "predictor-guided",
                "options": { "initialSamples": 3, "batchSize": 2, "predictor": "gp" }
              },
              "budget": { "trials": 7 },
              "seed": 3
            }
            """);

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Out);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // After the 3-trial design, each batch of 2 is planned on a predictor refitted on every trial told so far.
        var refit = lines.FindIndex(l => l == "  strategy: refitting the predictor on 3 trials");
        Assert.True(refit > 0, run.Out);
        Assert.Equal(3, lines.Take(refit).Count(l => l.StartsWith('[')));
        Assert.Equal("  strategy: searching the predictor for the next 2 candidates", lines[refit + 1]);
        Assert.StartsWith("[4/7 trials", lines[refit + 2], StringComparison.Ordinal);
        Assert.Contains("  strategy: refitting the predictor on 5 trials", lines);
        // Lookup's headline is its objective, shown once.
        Assert.Matches(@"^best: trial \d+ accuracy=[0-9.]+$", Assert.Single(lines, l => l.StartsWith("best: ", StringComparison.Ordinal)));
    }
}
