using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// A trained circuit of a stored trial, as the exporters take it: the circuit with its trainable angles as
/// parameters, and their trained values. Read from the trial's artifacts (written by the variational
/// evaluator): <c>circuit.qasm</c> is exactly what was trained, angles bound; <c>parameters.json</c> holds
/// the trained parameters. For a circuit of the layer-wise or gate-wise spaces the parameters are the
/// candidate's own (after the task's preparation of its initial basis state, the leading X gates of
/// circuit.qasm), checked by simulating both circuits; for anything else (excitation operators, a
/// classifier's encoding) every rotation angle of circuit.qasm becomes a parameter of its own.
/// </summary>
/// <param name="Circuit">The circuit; parameterized angles index <paramref name="Parameters"/>.</param>
/// <param name="Parameters">The trained values.</param>
/// <param name="FromCandidate">True when the parameters are the candidate's own trainable angles.</param>
public sealed record FoundCircuit(Circuit Circuit, IReadOnlyList<double> Parameters, bool FromCandidate)
{
    /// <summary>The trained circuit of a completed trial.</summary>
    /// <exception cref="NasConfigurationException">Its artifacts are gone or unreadable; the message names the file.</exception>
    public static FoundCircuit Read(TrialViewRequest trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var qasmPath = ArtifactPath(trial, "circuit");
        Circuit trained;
        try
        {
            trained = QasmImporter.Import(File.ReadAllText(qasmPath), qasmPath);
        }
        catch (QasmException e)
        {
            throw new NasConfigurationException($"{qasmPath} is not the OpenQASM this plugin wrote: {e.Message}");
        }

        var parametersPath = ArtifactPath(trial, "parameters");
        double[] parameters;
        try
        {
            parameters = JObject.Parse(File.ReadAllText(parametersPath))["parameters"]?.ToObject<double[]>()
                ?? throw new NasConfigurationException($"{parametersPath}: $.parameters is missing; the file is not the evaluator's parameters.json.");
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new NasConfigurationException($"{parametersPath} is not valid JSON ({e.Message}); it was changed after the trial.");
        }

        return MatchCandidate(trial, trained, parameters) ?? new FoundCircuit(Lift(trained, out var values), values, false);
    }

    /// <summary>The candidate's circuit after k leading X gates of <paramref name="trained"/>, when it prepares the same state.</summary>
    private static FoundCircuit? MatchCandidate(TrialViewRequest trial, Circuit trained, double[] parameters)
    {
        var (ansatz, _) = CircuitCandidates.TryRead(trial.Candidate);
        if (ansatz is null || ansatz.NumQubits != trained.NumQubits || ansatz.ParameterCount != parameters.Length)
        {
            return null;
        }

        var target = Simulate(trained, []);
        var leadingX = trained.Ops.TakeWhile(op => op.Kind == GateKind.X).Count();
        for (var k = 0; k <= leadingX; k++)
        {
            var circuit = new Circuit(trained.NumQubits).AddRange(trained.Ops.Take(k)).AddRange(ansatz.ToCircuit().Ops);
            if (Math.Abs(target.InnerProduct(Simulate(circuit, parameters)).Magnitude - 1) < 1e-9)
            {
                return new FoundCircuit(circuit, parameters, true);
            }
        }

        return null;
    }

    /// <summary><paramref name="circuit"/> with every constant rotation angle turned into a parameter of its own.</summary>
    public static Circuit Lift(Circuit circuit, out double[] values)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var lifted = new Circuit(circuit.NumQubits);
        var collected = new List<double>();
        foreach (var op in circuit.Ops)
        {
            var next = op;
            for (var slot = 0; slot < op.AngleCount; slot++)
            {
                var angle = op.GetAngle(slot);
                if (!angle.IsParameterized)
                {
                    next = next.WithAngle(slot, Angle.Parameter(collected.Count));
                    collected.Add(angle.Offset);
                }
            }

            lifted.Add(next);
        }

        values = [.. collected];
        return lifted;
    }

    private static StateVector Simulate(Circuit circuit, double[] parameters)
    {
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, parameters);
        return state;
    }

    private static string ArtifactPath(TrialViewRequest trial, string name)
    {
        var artifact = trial.Artifacts.FirstOrDefault(a => a.Name == name)
            ?? throw new NasConfigurationException($"The trial has no '{name}' artifact: it was not trained by the quantum plugin's variational evaluator (its artifacts: {string.Join(", ", trial.Artifacts.Select(a => a.Name).DefaultIfEmpty("none"))}).");
        return File.Exists(artifact.Path)
            ? artifact.Path
            : throw new NasConfigurationException($"The trial's '{name}' artifact {artifact.Path} is gone; `nas status EXP --verify` checks every artifact. Retrain the candidate with `nas train-final EXP --trial N` to get it back.");
    }
}
