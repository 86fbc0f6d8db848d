using System.Numerics;
using Newtonsoft.Json.Linq;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Plugins.Quantum.Qdk;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;
using Xunit;

namespace NasPlatform.Plugins.Quantum.Tests.Qdk;

/// <summary>
/// Our state-vector simulator against Microsoft's (qsharp-lang, through the Node bridge): the state of every
/// circuit equals the DumpMachine state of its exported Q# up to a global phase, within 1e-10. Needs Node.js and
/// the pinned qsharp-lang (scripts/system-packages.sh installs both; a missing one fails with the command).
/// </summary>
public sealed class QdkDifferentialTests
{
    private const double Tolerance = 1e-10;

    // The examples' sampled circuits include 12-qubit H2O excitation circuits of up to 40 operators (hundreds of CNOTs),
    // whose round-off against Microsoft's simulator reached 2.2e-10 once the warm-start examples changed the sample.
    private const double ExampleTolerance = 1e-9;

    private static readonly Lazy<QdkBridge> Bridge = new(QdkBridge.Default);

    [Fact]
    public void Basis_labels_put_qubit_zero_first_on_both_sides()
    {
        // X on qubit 0 of 3: Microsoft prints |100⟩, and our index of qubit 0 alone is 4 (qubit 0 = high bit).
        var circuit = new Circuit(3).X(0);
        var result = Bridge.Value.RunOne(QdkDifferential.StateRequest(circuit, []), "circuit.qs");
        var labels = ((JObject)result["state"]!).Properties().Select(p => p.Name).ToList();
        Assert.Equal(["|100⟩"], labels);
        Assert.Equal(1.0, QdkDifferential.Ours(circuit, [])[4].Real, 12);
        Assert.Equal(1.0, QdkBridge.Amplitudes(result)[4].Real, 12);
        Assert.Equal("100", new StateVector(3).FormatBasis(4));
    }

    [Fact]
    public void Random_circuits_over_every_gate_match_Microsofts_simulator()
    {
        var rng = new Random(20261207);
        var circuits = new List<(Circuit, double[])>();
        for (var i = 0; i < 210; i++)
        {
            circuits.Add(RandomCircuit(2 + (i % 9), 6 + rng.Next(20), rng));
        }

        var kinds = circuits.SelectMany(c => c.Item1.Ops.Select(op => op.Kind)).ToHashSet();
        Assert.Equal(Enum.GetValues<GateKind>().ToHashSet(), kinds);
        var deviations = new QdkDifferential(Bridge.Value).Deviations(circuits);
        var worst = deviations.Select((d, i) => (d, i)).MaxBy(p => p.d);
        Assert.True(worst.d < Tolerance, $"circuit {worst.i} differs by {worst.d:G3}");
    }

    [Fact]
    public void Circuits_of_every_quantum_example_match_Microsofts_simulator()
    {
        var circuits = new List<(Circuit, double[])>();
        var rng = new Random(7);
        var excitationExamples = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "examples", "quantum"), "*.json"))
        {
            if (JObject.Parse(File.ReadAllText(file))["searchSpace"] is not { } space)
            {
                continue; // a curve file (nas quantum curve), not an experiment
            }

            var options = space["options"]?.ToString() ?? "{}";
            var context = TestContexts.In(Path.GetDirectoryName(file));
            Func<Circuit>? sample = space.Value<string>("name") switch
            {
                LayerwiseSpace.Name => SampleFrom(LayerwiseSpace.Create(TestContexts.Bind<LayerwiseSpaceOptions>(options), context), rng),
                GatewiseSpace.Name => SampleFrom(GatewiseSpace.Create(TestContexts.Bind<GatewiseSpaceOptions>(options), context), rng),
                ExcitationSpace.Name => SampleFrom(ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>(options), context), rng),
                _ => null,
            };
            if (sample is null)
            {
                continue;
            }

            excitationExamples += space.Value<string>("name") == ExcitationSpace.Name ? 1 : 0;
            for (var k = 0; k < 4; k++)
            {
                var ansatz = sample();
                circuits.Add((ansatz, Enumerable.Range(0, ansatz.ParameterCount).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray()));
            }
        }

        Assert.True(circuits.Count >= 20, $"only {circuits.Count} circuits from the examples");
        Assert.True(excitationExamples >= 2, $"only {excitationExamples} excitation-space examples (the LiH ones) were checked");
        Assert.All(new QdkDifferential(Bridge.Value).Deviations(circuits), d => Assert.True(d < ExampleTolerance, $"deviation {d:G3}"));
    }

    private static Func<Circuit> SampleFrom(ICircuitSpace space, Random rng) =>
        () => Circuits.CircuitCandidates.Read(space.Sample(rng)).ToCircuit();

    /// <summary>
    /// An excitation candidate's circuit as the VQE evaluator trains it: the Hartree–Fock X gates, then each
    /// operator's exact CNOT-ladder exponential.
    /// </summary>
    private static Func<Circuit> SampleFrom(ExcitationSpace space, Random rng) => () =>
    {
        var (architecture, problems) = ExcitationArchitecture.TryRead((JObject)space.Sample(rng).ToJson());
        Assert.True(architecture is not null, string.Join("; ", problems));
        var (pool, indices, unresolved) = architecture!.Resolve(space.Cache);
        Assert.True(pool is not null && unresolved.Count == 0, string.Join("; ", unresolved));
        return pool!.BuildCircuit(indices, prepareHartreeFock: true);
    };

    [Fact]
    public void The_Heisenberg_choices_dimer_exchange_and_brick_layers_match_Microsofts_simulator_through_Q_sharp_and_OpenQasm3()
    {
        var ring = NasPlatform.Plugins.Quantum.Hardware.CouplingMap.Ring(6);
        string[] rz = ["rz", "none", "rz", "none", "none", "rz"];
        var circuit = new LayerwiseArchitecture(6, ring.RingOrder,
        [
            new LayerwiseLayer(rz, "exchange", Shared: true, Bonds: "odd"),
            new LayerwiseLayer(rz, "exchange", Bonds: "even"),
            new LayerwiseLayer(rz, "xy", Bonds: "odd"),
        ], NasPlatform.Plugins.Quantum.Circuits.InitialStates.Dimer).ToAnsatz().ToCircuit();
        var parameters = Enumerable.Range(0, circuit.ParameterCount).Select(k => 0.3 + (0.41 * k)).ToArray();
        Assert.True(new QdkDifferential(Bridge.Value).Deviations([(circuit, parameters)]).Single() < Tolerance);

        var answer = Bridge.Value.Run([new JObject { ["op"] = "qasm-state", ["source"] = Qasm3Exporter.Export(circuit, parameters) }]).Single();
        Assert.True(QdkBridge.Failure(answer, "circuit.qasm") is null, QdkBridge.Failure(answer, "circuit.qasm"));
        Assert.True(QdkDifferential.Deviation(QdkDifferential.Ours(circuit, parameters), QdkBridge.Amplitudes(answer)) < 2e-4);
    }

    [Fact]
    public void OpenQasm_test_files_match_through_our_importer_and_Microsofts_OpenQasm_compiler()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Qdk", "qasm"), "*.qasm").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var imported = files.Select(f => (QasmImporter.Import(File.ReadAllText(f), f), Array.Empty<double>())).ToList();

        // Our importer -> Q# -> Microsoft's simulator, at full precision.
        Assert.All(new QdkDifferential(Bridge.Value).Deviations(imported), d => Assert.True(d < Tolerance, $"deviation {d:G3}"));

        // The same files through Microsoft's own OpenQASM compiler; its debugger prints 4 decimals.
        var answers = Bridge.Value.Run(files.Select(f => new JObject { ["op"] = "qasm-state", ["source"] = File.ReadAllText(f) }).ToList());
        for (var i = 0; i < files.Count; i++)
        {
            Assert.True(QdkBridge.Failure(answers[i], files[i]) is null, QdkBridge.Failure(answers[i], files[i]));
            var deviation = QdkDifferential.Deviation(QdkDifferential.Ours(imported[i].Item1, []), QdkBridge.Amplitudes(answers[i]));
            Assert.True(deviation < 2e-4, $"{Path.GetFileName(files[i])}: {deviation:G3}");
        }
    }

    [Fact]
    public void OpenQasm3_export_runs_in_Microsofts_OpenQasm_compiler_with_the_same_state()
    {
        var rng = new Random(3);
        var circuits = Enumerable.Range(0, 12).Select(i => RandomCircuit(2 + (i % 4), 12, rng)).ToList();
        var answers = Bridge.Value.Run(circuits.Select(c => new JObject { ["op"] = "qasm-state", ["source"] = Qasm3Exporter.Export(c.Circuit, c.Parameters) }).ToList());
        for (var i = 0; i < circuits.Count; i++)
        {
            Assert.True(QdkBridge.Failure(answers[i], "circuit.qasm") is null, QdkBridge.Failure(answers[i], "circuit.qasm") + "\n" + Qasm3Exporter.Export(circuits[i].Circuit, circuits[i].Parameters));
            var deviation = QdkDifferential.Deviation(QdkDifferential.Ours(circuits[i].Circuit, circuits[i].Parameters), QdkBridge.Amplitudes(answers[i]));
            if (deviation >= 2e-4)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "qdk-failing.qasm"), Qasm3Exporter.Export(circuits[i].Circuit, circuits[i].Parameters));
            }

            Assert.True(deviation < 2e-4, $"circuit {i}: {deviation:G3}");
        }
    }

    [Fact]
    public void A_Q_sharp_compile_error_comes_back_with_line_and_column()
    {
        var request = new JObject { ["op"] = "state", ["source"] = "namespace Broken {\n    operation Main() : Unit {\n        Hadamard(0);\n    }\n}\n", ["expr"] = "Broken.Main()" };
        var error = Assert.Throws<QdkCompileException>(() => Bridge.Value.RunOne(request, "broken.qs"));
        Assert.Contains("broken.qs:3:9:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Hadamard", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A random circuit over every gate kind; rotations take parameters (some scaled, offset or constant).</summary>
    internal static (Circuit Circuit, double[] Parameters) RandomCircuit(int qubits, int gates, Random rng)
    {
        var kinds = Enum.GetValues<GateKind>();
        var circuit = new Circuit(qubits);
        var next = 0;
        for (var g = 0; g < gates; g++)
        {
            var kind = kinds[rng.Next(kinds.Length)];
            var q0 = rng.Next(qubits);
            var q1 = Gates.Arity(kind) == 2 ? (q0 + 1 + rng.Next(qubits - 1)) % qubits : -1;
            var angles = new Angle[Gates.AngleCount(kind)];
            for (var k = 0; k < angles.Length; k++)
            {
                angles[k] = rng.NextDouble() < 0.15
                    ? Angle.Constant((rng.NextDouble() * 2 - 1) * 4)
                    : Angle.Parameter(next++, rng.NextDouble() < 0.2 ? 0.5 + rng.NextDouble() : 1.0, rng.NextDouble() < 0.2 ? 0.3 : 0.0);
            }

            if (kind is GateKind.Unitary1 or GateKind.Unitary2)
            {
                var op = new GateOp(kind, q0, q1, default, default, default, RandomUnitary(kind == GateKind.Unitary1 ? 2 : 4, rng));
                circuit.Add(op);
            }
            else
            {
                circuit.Add(new GateOp(kind, q0, q1, angles.ElementAtOrDefault(0), angles.ElementAtOrDefault(1), angles.ElementAtOrDefault(2), null));
            }
        }

        return (circuit, Enumerable.Range(0, next).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray());
    }

    /// <summary>A random unitary: Gram-Schmidt on the columns of a complex Gaussian matrix.</summary>
    private static ComplexMatrix RandomUnitary(int n, Random rng)
    {
        var columns = new Complex[n][];
        for (var c = 0; c < n; c++)
        {
            var v = Enumerable.Range(0, n).Select(_ => new Complex(Gaussian(rng), Gaussian(rng))).ToArray();
            for (var p = 0; p < c; p++)
            {
                var dot = Complex.Zero;
                for (var r = 0; r < n; r++)
                {
                    dot += Complex.Conjugate(columns[p][r]) * v[r];
                }

                for (var r = 0; r < n; r++)
                {
                    v[r] -= dot * columns[p][r];
                }
            }

            var norm = Math.Sqrt(v.Sum(x => x.Magnitude * x.Magnitude));
            columns[c] = v.Select(x => x / norm).ToArray();
        }

        var rows = Enumerable.Range(0, n).Select(r => Enumerable.Range(0, n).Select(c => columns[c][r]).ToArray()).ToArray();
        return ComplexMatrix.FromRows(rows);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("NasPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
