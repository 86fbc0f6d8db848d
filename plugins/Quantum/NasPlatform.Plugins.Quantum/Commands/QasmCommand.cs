using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Commands;

/// <summary>
/// `nas quantum qasm FILE [--shots N] [--precision single]`: imports an OpenQASM 2.0 or 3 file with the plugin's importer, runs it on
/// the plugin's state-vector simulator with measure, reset and if executed as written (each measurement
/// draws its outcome and collapses the state), and prints the outcomes' exact probabilities (or, with
/// --shots, sampled counts, seeded), so a user can check a file without writing code. A file that measures
/// something is read out on its classical registers, one that measures nothing on every qubit. Bit strings
/// put bit 0 / qubit 0 first (as Microsoft's DumpMachine does; Qiskit prints the reverse).
/// </summary>
internal static class QasmCommand
{
    /// <summary>The largest register simulated here: 2^28 amplitudes in double precision are 4 GiB.</summary>
    public const int MaxQubits = 28;

    public static PluginCommand Declaration { get; } = new(
        "quantum",
        "qasm",
        "Run an OpenQASM 2.0 or 3 file (measure, reset and if included) and print its outcomes' probabilities, or sampled counts with --shots.",
        [new("FILE", "The OpenQASM 2.0 or 3 file (.qasm); the header says which.")],
        [
            new("shots", "N", "Run the program N times and count the outcomes instead of printing probabilities."),
            new("seed", "S", "Seed of the sampler. Default 0."),
            new("precision", "P", "double (default) or single: run the gates on complex64 amplitudes (half the memory and bytes per pass; probabilities summed in double). Single runs files whose measurements are all at the end."),
            new("top", "K", "Print the K most likely states (probabilities) or outcomes (shots). Default 16; 0 prints all."),
            new("json", null, "Print the result as JSON."),
        ],
        ["quantum qasm bell.qasm", "quantum qasm ghz.qasm --shots 1000 --seed 3", "quantum qasm qft.qasm --precision single"],
        Run);

    private static Task<int> Run(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var path = command.Arguments[0];
        if (!File.Exists(path))
            throw new NasConfigurationException($"{path}: no such file; give the path of an OpenQASM 2.0 or 3 file.");
        var shots = Whole(command, "shots", 0, 1, 100_000_000);
        var seed = Whole(command, "seed", 0, int.MinValue, int.MaxValue);
        var top = Whole(command, "top", 16, 0, int.MaxValue);
        var precision = PrecisionOf(command);
        QasmProgram program;
        try
        {
            program = QasmImporter.ImportProgram(File.ReadAllText(path), path);
        }
        catch (QasmException e)
        {
            throw new NasConfigurationException(e.Message, e);
        }

        if (program.NumQubits > MaxQubits)
            throw new NasConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {program.NumQubits} qubits; this command simulates at most {MaxQubits} (2^{MaxQubits} amplitudes are 4 GiB)."));
        cancellationToken.ThrowIfCancellationRequested();
        List<(string Bits, double Value)> rows;
        try
        {
            rows = shots > 0
                ? Ordered(program.Sample(shots, new Random(seed), precision).Select(c => (c.Key, (double)c.Value)))
                : Ordered((precision == Precision.Double ? program.Probabilities() : program.Probabilities(precision))
                    .Where(p => p.Value > 1e-12).Select(p => (p.Key, p.Value)));
        }
        catch (InvalidOperationException e)
        {
            throw new NasConfigurationException(e.Message, e);
        }
        catch (QasmException e)
        {
            // Only single precision reads the program as a unitary circuit here.
            throw new NasConfigurationException($"--precision single runs files whose measurements are all at the end, and {e.Message} " +
                "Run it without --precision single (double precision executes measure, reset and if as written).", e);
        }

        var shown = top == 0 ? rows : rows.Take(top).ToList();
        if (command.Has("json"))
            command.Output.WriteLine(Json(path, program, shots, seed, precision, shown).ToString(Formatting.Indented));
        else
            Print(command.Output, path, program, shots, precision, shown, rows.Count);
        return Task.FromResult(0);
    }

    /// <summary>Most likely (or most frequent) first, ties by outcome string.</summary>
    private static List<(string Bits, double Value)> Ordered(IEnumerable<(string Bits, double Value)> rows) =>
        [.. rows.OrderByDescending(r => r.Value).ThenBy(r => r.Bits, StringComparer.Ordinal)];

    private static void Print(TextWriter output, string path, QasmProgram program, int shots, Precision precision, List<(string Bits, double Value)> rows, int total)
    {
        var what = shots > 0 ? string.Create(CultureInfo.InvariantCulture, $"{shots} shots") : "probabilities";
        what += precision == Precision.Single ? ", single precision" : string.Empty;
        var measured = program.MeasurementCount > 0 ? string.Create(CultureInfo.InvariantCulture, $", {program.MeasurementCount} measure statement{(program.MeasurementCount == 1 ? "" : "s")}") : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}: OpenQASM {program.Version}, {program.NumQubits} qubits, {program.GateCount} gates{measured}; {what} (bit strings: {program.OutcomeOrder})"));
        foreach (var (bits, value) in rows)
        {
            output.WriteLine(shots > 0
                ? string.Create(CultureInfo.InvariantCulture, $"  {bits}  {value,10:0}")
                : string.Create(CultureInfo.InvariantCulture, $"  {bits}  {value:0.000000}"));
        }

        if (rows.Count < total)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... {total - rows.Count} more (--top 0 prints all)"));
    }

    private static JObject Json(string path, QasmProgram program, int shots, int seed, Precision precision, List<(string Bits, double Value)> rows)
    {
        var result = new JObject
        {
            ["file"] = path,
            ["version"] = program.Version,
            ["qubits"] = program.NumQubits,
            ["gates"] = program.GateCount,
            ["measurements"] = program.MeasurementCount,
            ["bitOrder"] = program.OutcomeOrder,
            ["precision"] = precision == Precision.Single ? "single" : "double",
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

    private static Precision PrecisionOf(PluginCommandInvocation command) => command.Value("precision") switch
    {
        null or "double" => Precision.Double,
        "single" => Precision.Single,
        var other => throw new NasConfigurationException(
            $"--precision {other}: use double or single{(other.StartsWith('s') || other.StartsWith('f') ? "; did you mean single?" : other.StartsWith('d') ? "; did you mean double?" : ".")}"),
    };

    private static int Whole(PluginCommandInvocation command, string option, int fallback, int min, int max)
    {
        if (command.Value(option) is not { } text)
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new NasConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--{option} {text}: give a whole number from {min} to {max}."));
        return value;
    }
}
