using System.Diagnostics;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Quantum.Simulator.Qasm;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests.Long;

/// <summary>
/// The acceptance run: examples/quantum/tfim-8.json through the real CLI with its default budget.
/// Opt-in (NASPLATFORM_LONG_TESTS=1): it takes minutes on two cores.
/// </summary>
public sealed class Tfim8ExampleTests(ITestOutputHelper output)
{
    [LongFact]
    public void SearchedCircuitReachesEnergyErrorBelowOnePercentOnTheLineAndRespectsIt()
    {
        var root = NasCli.RepoRoot();
        var work = Directory.CreateTempSubdirectory("tfim8-long-");
        try
        {
            var experiment = Path.Combine(work.FullName, "tfim-8.json");
            File.Copy(Path.Combine(root, "examples", "quantum", "tfim-8.json"), experiment);
            var watch = Stopwatch.StartNew();
            var (code, stdout, stderr) = NasCli.Run(root, TimeSpan.FromMinutes(20), "run", experiment);
            output.WriteLine($"nas run: exit {code} after {watch.Elapsed.TotalSeconds:F1} s");
            output.WriteLine(stdout.Length > 4000 ? stdout[^4000..] : stdout);
            Assert.True(code == 0, $"nas run failed ({code}): {stderr}");

            var (exportCode, json, exportError) = NasCli.Run(root, TimeSpan.FromMinutes(2), "export", experiment, "--format", "json");
            Assert.True(exportCode == 0, exportError);
            var trials = ((JArray)JObject.Parse(json)["trials"]!).Cast<JObject>().Where(t => (string?)t["state"] == "completed").ToList();
            Assert.NotEmpty(trials);

            var line = CouplingMap.Line(8);
            foreach (var trial in trials)
            {
                var circuit = CircuitCandidates.Read(Candidate.From(trial["candidate"]!));
                Assert.All(circuit.Gates.Where(g => g.IsTwoQubit), g => Assert.True(line.AreCoupled(g.Qubit0, g.Qubit1), $"trial {trial["number"]}: {g}"));
            }

            var best = trials.MinBy(t => (double)t["metrics"]!["energy"]!)!;
            var error = (double)best["metrics"]!["energy_error"]!;
            output.WriteLine($"best trial {best["number"]}: energy {best["metrics"]!["energy"]}, exact {best["metrics"]!["exact_energy"]}, energy_error {error:G4}, fidelity {best["metrics"]!["fidelity"]}");
            Assert.True(error < 1e-2, $"best energy_error {error}");

            // The exported QASM circuit of the best trial uses only coupled pairs too.
            var qasm = (string)((JArray)best["artifacts"]!).First(a => (string?)a["name"] == "circuit")["path"]!;
            var exported = QasmImporter.Import(File.ReadAllText(qasm));
            Assert.All(exported.Ops.Where(op => op.Arity == 2), op => Assert.True(line.AreCoupled(op.Qubit0, op.Qubit1), $"{op}"));
        }
        finally
        {
            work.Delete(true);
        }
    }
}
