using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>`nas quantum qasm FILE`: a user checks an OpenQASM file without writing code.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class QuantumQasmCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-qasm-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static (int ExitCode, string Out, string Error) Nas(params string[] args) => CliRunner.Run([.. args, "--plugins", RepoPaths.Plugins]);

    [Fact]
    public void A_Bell_circuit_prints_half_and_half_and_a_flipped_first_qubit_prints_it_first()
    {
        var bell = Write("bell.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n");
        var flip = Write("flip.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\nx q[0];\n");

        var probabilities = Nas("quantum", "qasm", bell, "--json");
        var first = Nas("quantum", "qasm", flip);

        Assert.True(probabilities.ExitCode == ExitCodes.Success, probabilities.Error);
        var json = JObject.Parse(probabilities.Out);
        Assert.Equal(["00", "11"], ((JObject)json["probabilities"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(((JObject)json["probabilities"]!).Properties(), p => Assert.Equal(0.5, (double)p.Value, 12));
        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        Assert.Contains("  100  1.000000", first.Out, StringComparison.Ordinal);
        Assert.Contains("3 qubits, 1 gates", first.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Shots_are_sampled_from_the_state_with_the_seed_and_add_up()
    {
        var ghz = Write("ghz.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\nh q[0];\ncx q[0],q[1];\ncx q[1],q[2];\n");

        var a = JObject.Parse(Nas("quantum", "qasm", ghz, "--shots", "2000", "--seed", "5", "--json").Out);
        var b = JObject.Parse(Nas("quantum", "qasm", ghz, "--shots", "2000", "--seed", "5", "--json").Out);
        var c = JObject.Parse(Nas("quantum", "qasm", ghz, "--shots", "2000", "--seed", "6", "--json").Out);

        var counts = ((JObject)a["counts"]!).Properties().ToDictionary(p => p.Name, p => (int)p.Value);
        Assert.Equal(["000", "111"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2000, counts.Values.Sum());
        Assert.InRange(counts["000"], 900, 1100); // binomial(2000, 1/2): 4.5 standard deviations either side
        Assert.Equal(a.ToString(), b.ToString());
        Assert.NotEqual(a["counts"]!.ToString(), c["counts"]!.ToString());
    }

    [Fact]
    public void Mid_circuit_measure_reset_and_if_run_with_their_real_semantics_and_print_the_classical_registers()
    {
        // Measure q[0] (half 0, half 1), flip q[1] when it read 1, then reset q[0] and measure both into d.
        var file = Write("branch.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[1];\ncreg d[2];\nh q[0];\n" +
            "measure q[0] -> c[0];\nif (c==1) x q[1];\nreset q[0];\nmeasure q -> d;\n");

        var exact = Nas("quantum", "qasm", file, "--json");
        var sampled = Nas("quantum", "qasm", file, "--shots", "4000", "--seed", "2", "--json");
        var text = Nas("quantum", "qasm", file);

        Assert.True(exact.ExitCode == ExitCodes.Success, exact.Error);
        var probabilities = ((JObject)JObject.Parse(exact.Out)["probabilities"]!).Properties().ToDictionary(p => p.Name, p => (double)p.Value);
        Assert.Equal(["0 00", "1 01"], probabilities.Keys.Order(StringComparer.Ordinal));
        Assert.All(probabilities.Values, p => Assert.Equal(0.5, p, 12));
        var counts = ((JObject)JObject.Parse(sampled.Out)["counts"]!).Properties().ToDictionary(p => p.Name, p => (int)p.Value);
        Assert.Equal(["0 00", "1 01"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(counts["1 01"], 2000 - 4 * 32, 2000 + 4 * 32); // binomial(4000, 1/2): sd 31.6
        Assert.Contains("classical bits c d[0..1], bit 0 first", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_files_and_options_exit_2_with_the_place_and_the_fix()
    {
        var broken = Write("broken.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[5];\n");

        var missing = Nas("quantum", "qasm", Path.Combine(_work, "nope.qasm"));
        var located = Nas("quantum", "qasm", broken);
        var shots = Nas("quantum", "qasm", broken, "--shots", "many");
        var typo = Nas("quantum", "qasm", broken, "--shot", "10");

        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("nope.qasm: no such file", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, located.ExitCode);
        Assert.Contains("broken.qasm: line 4, column", located.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, shots.ExitCode);
        Assert.Contains("--shots many: give a whole number", shots.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains("did you mean --shots?", typo.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_precision_gives_the_double_probabilities_and_refuses_mid_circuit_measurement_at_its_line()
    {
        // A 5-qubit QFT-like circuit with phases: every probability differs from its neighbours.
        var body = string.Concat(Enumerable.Range(0, 5).Select(q => $"h q[{q}];\nrz({0.3 + q}) q[{q}];\n")) +
            "cx q[0],q[1];\ncu1(0.7) q[1],q[2];\nry(1.1) q[3];\ncx q[3],q[4];\nu3(0.4,0.5,0.6) q[4];\nmeasure q -> c;\n";
        var file = Write("phases.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[5];\ncreg c[5];\n" + body);
        var branch = Write("branch.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\nif (c==1) x q[1];\n");

        var wide = Nas("quantum", "qasm", file, "--json", "--top", "0");
        var narrow = Nas("quantum", "qasm", file, "--json", "--top", "0", "--precision", "single");
        var text = Nas("quantum", "qasm", file, "--precision", "single", "--shots", "100");
        var refused = Nas("quantum", "qasm", branch, "--precision", "single");
        var typo = Nas("quantum", "qasm", file, "--precision", "singel");

        Assert.True(narrow.ExitCode == ExitCodes.Success, narrow.Error);
        var w = ((JObject)JObject.Parse(wide.Out)["probabilities"]!).Properties().ToDictionary(p => p.Name, p => (double)p.Value);
        var n = ((JObject)JObject.Parse(narrow.Out)["probabilities"]!).Properties().ToDictionary(p => p.Name, p => (double)p.Value);
        Assert.Equal("single", (string)JObject.Parse(narrow.Out)["precision"]!);
        Assert.Equal(w.Keys.Order(StringComparer.Ordinal), n.Keys.Order(StringComparer.Ordinal));
        Assert.True(w.Count > 8, $"{w.Count} outcomes");
        Assert.All(w, p => Assert.True(Math.Abs(p.Value - n[p.Key]) < 1e-6, $"{p.Key}: double {p.Value:R}, single {n[p.Key]:R}"));
        Assert.True(text.ExitCode == ExitCodes.Success, text.Error);
        Assert.Contains("100 shots, single precision", text.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("--precision single runs files whose measurements are all at the end", refused.Error, StringComparison.Ordinal);
        Assert.Contains("line 7, column 1: 'if (c==1)' depends on a measurement outcome", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains("--precision singel: use double or single; did you mean single?", typo.Error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }
}
