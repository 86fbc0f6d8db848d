using System.Globalization;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Qdk;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Commands;

/// <summary>
/// `nas quantum export-circuit EXP --trial N --format qsharp|qir|qasm3|qasm2 [--output FILE]`: writes a found
/// circuit with its trained angles for Microsoft's Quantum Development Kit (Q#, or QIR from Microsoft's own
/// compiler) or any OpenQASM tool. Q# and OpenQASM are written here; QIR needs Node.js and qsharp-lang.
/// </summary>
internal static class ExportCircuitCommand
{
    public static readonly IReadOnlyList<string> Formats = ["qsharp", "qir", "qasm3", "qasm2"];

    public static PluginCommand Declaration { get; } = new(
        "quantum",
        "export-circuit",
        "Write a found circuit with its trained angles as Q#, QIR (Microsoft's compiler), OpenQASM 3 or OpenQASM 2.",
        [FoundTrialInput.Experiment],
        [
            FoundTrialInput.Trial,
            new("format", "FORMAT", "qsharp (a Q# namespace: the circuit, a parameterized operation taking the angles as an array, an entry point), qir (base profile, compiled by Microsoft's Q# compiler; needs Node.js), qasm3 or qasm2. Default qsharp."),
            new("output", "FILE", "Write to FILE instead of standard output.", ShortName: "o"),
            new("namespace", "NS", "Q# namespace (default NasPlatform.Found.<Experiment>)."),
            new("name", "OP", "Q# operation name (default PrepareFoundState)."),
            new("check", null, "Also run the exported Q# in Microsoft's simulator and compare its DumpMachine state with ours (up to global phase; needs Node.js)."),
            FoundTrialInput.ExperimentName,
        ],
        [
            "quantum export-circuit examples/quantum/tfim-8.json --trial 12 --format qsharp -o tfim8.qs",
            "quantum export-circuit examples/quantum/tfim-8.json --trial 12 --format qir -o tfim8.ll",
        ],
        RunAsync);

    private static Task<int> RunAsync(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var format = command.Value("format") ?? "qsharp";
        if (!Formats.Contains(format))
        {
            // A cut-short or overlong name ("qsh", "qsharpp", "qasm3.0") and Q#'s own spelling get a suggestion.
            var typed = format.ToLowerInvariant().Replace("q#", "qsharp", StringComparison.Ordinal);
            var near = Formats.FirstOrDefault(f => f.StartsWith(typed, StringComparison.Ordinal) || typed.StartsWith(f, StringComparison.Ordinal));
            throw new NasConfigurationException($"--format {format}: use one of {string.Join(", ", Formats)}{(near is null ? string.Empty : $" (did you mean {near}?)")}.");
        }

        var (_, found, title, _) = FoundTrialInput.Read(command);
        var text = format switch
        {
            "qasm2" => QasmExporter.Export(found.Circuit, found.Parameters.ToArray()),
            "qasm3" => Qasm3Exporter.Export(found.Circuit, found.Parameters.ToArray()),
            _ => QSharp(command, found, title, format == "qir", cancellationToken),
        };
        if (command.Has("check"))
        {
            Check(command, found, title, cancellationToken);
        }

        if (command.Value("output") is { } output)
        {
            var path = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            command.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{title}: {found.Circuit.NumQubits} qubits, {found.Circuit.Ops.Count} gates, {found.Parameters.Count} angles -> {path} ({format})"));
        }
        else
        {
            command.Output.Write(text);
        }

        return Task.FromResult(0);
    }

    private static string QSharp(PluginCommandInvocation command, FoundCircuit found, string title, bool qir, CancellationToken cancellationToken)
    {
        var source = QSharpSource(command, found, title);
        if (!qir)
        {
            return source;
        }

        var request = new Newtonsoft.Json.Linq.JObject { ["op"] = "qir", ["source"] = source, ["profile"] = "base" };
        try
        {
            return QdkBridge.Default().RunOne(request, "circuit.qs", cancellationToken).Value<string>("qir")!;
        }
        catch (QdkCompileException e)
        {
            throw new InvalidOperationException($"Microsoft's Q# compiler rejected the exported circuit (a bug in the exporter; please report it):\n{e.Message}", e);
        }
    }

    /// <summary>Runs the circuit in Microsoft's simulator and compares the state with ours; a difference over 1e-10 fails the command.</summary>
    private static void Check(PluginCommandInvocation command, FoundCircuit found, string title, CancellationToken cancellationToken)
    {
        var deviation = new QdkDifferential(QdkBridge.Default()).Deviations([(found.Circuit, found.Parameters.ToArray())], cancellationToken)[0];
        var verdict = deviation < 1e-10 ? "agree" : "DISAGREE";
        command.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: our simulator and Microsoft's (qsharp-lang DumpMachine) {verdict}: largest amplitude difference {deviation:G3} (up to global phase)"));
        if (deviation >= 1e-10)
        {
            throw new InvalidOperationException($"The exported circuit's state differs from ours by {deviation:G3}; please report this with the trial's circuit.qasm.");
        }
    }

    /// <summary>The Q# of the found circuit under the command's --namespace and --name.</summary>
    public static string QSharpSource(PluginCommandInvocation command, FoundCircuit found, string title)
    {
        var ns = command.Value("namespace") ?? FoundTrialInput.NamespaceFor(command.Arguments[0]);
        var name = command.Value("name") ?? "PrepareFoundState";
        var origin = found.FromCandidate ? "the candidate's trainable angles" : "every rotation angle of the trained circuit";
        try
        {
            return QSharpExporter.Export(found.Circuit, found.Parameters, ns, name,
                [$"Found by NasPlatform: {title}.", $"theta holds {origin}; qubit k of the search is qs[k] (DumpMachine prints qs[0] first)."]);
        }
        catch (ArgumentException e)
        {
            throw new NasConfigurationException($"--namespace/--name: {e.Message}");
        }
    }
}
