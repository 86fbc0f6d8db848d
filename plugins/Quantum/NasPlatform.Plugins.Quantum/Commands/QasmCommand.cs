using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Commands;

/// <summary>
/// `nas quantum qasm FILE [--shots N]`: imports an OpenQASM 2.0 file with the plugin's importer, simulates it on
/// the plugin's state-vector simulator and prints the basis states' probabilities (or, with --shots, sampled
/// counts, seeded), so a user can check a file without writing code. Bit strings put qubit 0 first (as
/// Microsoft's DumpMachine does; Qiskit prints the reverse).
/// </summary>
internal static class QasmCommand
{
    /// <summary>The largest register simulated here: 2^28 amplitudes in double precision are 4 GiB.</summary>
    public const int MaxQubits = 28;

    public static PluginCommand Declaration { get; } = new(
        "quantum",
        "qasm",
        "Simulate an OpenQASM 2.0 file and print its basis-state probabilities, or sampled counts with --shots.",
        [new("FILE", "The OpenQASM 2.0 file (.qasm).")],
        [
            new("shots", "N", "Sample N measurements of every qubit instead of printing probabilities."),
            new("seed", "S", "Seed of the sampler. Default 0."),
            new("top", "K", "Print the K most likely states (probabilities) or outcomes (shots). Default 16; 0 prints all."),
            new("json", null, "Print the result as JSON."),
        ],
        ["quantum qasm bell.qasm", "quantum qasm ghz.qasm --shots 1000 --seed 3"],
        Run);

    private static Task<int> Run(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var path = command.Arguments[0];
        if (!File.Exists(path))
            throw new NasConfigurationException($"{path}: no such file; give the path of an OpenQASM 2.0 file.");
        var shots = Whole(command, "shots", 0, 1, 100_000_000);
        var seed = Whole(command, "seed", 0, int.MinValue, int.MaxValue);
        var top = Whole(command, "top", 16, 0, int.MaxValue);
        Circuit circuit;
        try
        {
            circuit = QasmImporter.Import(File.ReadAllText(path), path);
        }
        catch (QasmException e)
        {
            throw new NasConfigurationException(e.Message, e);
        }

        if (circuit.NumQubits > MaxQubits)
            throw new NasConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {circuit.NumQubits} qubits; this command simulates at most {MaxQubits} (2^{MaxQubits} amplitudes are 4 GiB)."));
        cancellationToken.ThrowIfCancellationRequested();
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, []);
        var rows = shots > 0 ? Counts(state, shots, seed) : Probabilities(state);
        var shown = top == 0 ? rows : rows.Take(top).ToList();
        if (command.Has("json"))
            command.Output.WriteLine(Json(path, circuit, shots, seed, shown).ToString(Formatting.Indented));
        else
            Print(command.Output, path, circuit, shots, shown, rows.Count);
        return Task.FromResult(0);
    }

    /// <summary>Basis states with a probability above 1e-12, most likely first (ties by bit string).</summary>
    private static List<(string Bits, double Value)> Probabilities(StateVector state)
    {
        var rows = new List<(string, double)>();
        for (var i = 0; i < state.Length; i++)
        {
            var p = state.Probability(i);
            if (p > 1e-12)
                rows.Add((state.FormatBasis(i), p));
        }

        return [.. rows.OrderByDescending(r => r.Item2).ThenBy(r => r.Item1, StringComparer.Ordinal)];
    }

    private static List<(string Bits, double Value)> Counts(StateVector state, int shots, int seed) =>
        [.. state.SampleCounts(shots, new Random(seed)).Select(c => (c.Key, (double)c.Value))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static void Print(TextWriter output, string path, Circuit circuit, int shots, List<(string Bits, double Value)> rows, int total)
    {
        var what = shots > 0 ? string.Create(CultureInfo.InvariantCulture, $"{shots} shots") : "probabilities";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}: {circuit.NumQubits} qubits, {circuit.Ops.Count} gates; {what} (bit strings: qubit 0 first)"));
        foreach (var (bits, value) in rows)
        {
            output.WriteLine(shots > 0
                ? string.Create(CultureInfo.InvariantCulture, $"  {bits}  {value,10:0}")
                : string.Create(CultureInfo.InvariantCulture, $"  {bits}  {value:0.000000}"));
        }

        if (rows.Count < total)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... {total - rows.Count} more (--top 0 prints all)"));
    }

    private static JObject Json(string path, Circuit circuit, int shots, int seed, List<(string Bits, double Value)> rows)
    {
        var result = new JObject
        {
            ["file"] = path,
            ["qubits"] = circuit.NumQubits,
            ["gates"] = circuit.Ops.Count,
            ["bitOrder"] = "qubit 0 first",
        };
        if (shots > 0)
        {
            result["shots"] = shots;
            result["seed"] = seed;
            result["counts"] = new JObject(rows.Select(r => new JProperty(r.Bits, (long)r.Value)));
        }
        else
        {
            result["probabilities"] = new JObject(rows.Select(r => new JProperty(r.Bits, r.Value)));
        }

        return result;
    }

    private static int Whole(PluginCommandInvocation command, string option, int fallback, int min, int max)
    {
        if (command.Value(option) is not { } text)
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new NasConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--{option} {text}: give a whole number from {min} to {max}."));
        return value;
    }
}
