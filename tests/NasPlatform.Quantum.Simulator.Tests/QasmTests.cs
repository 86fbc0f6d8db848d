using System.Numerics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Quantum.Simulator.Tests;

public class QasmTests
{
    private static readonly GateKind[] Exportable = RandomCircuits.AllKinds.Where(k => k != GateKind.Unitary2).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Round_trip_keeps_gates_and_unitary(int seed)
    {
        var rng = new Random(seed);
        var (circuit, parameters) = RandomCircuits.Make(5, 80, rng, Exportable);
        var text = QasmExporter.Export(circuit, parameters);
        var back = QasmImporter.Import(text, "roundtrip.qasm");

        Assert.Equal(circuit.NumQubits, back.NumQubits);
        Assert.Equal(circuit.Ops.Count, back.Ops.Count);
        for (var i = 0; i < circuit.Ops.Count; i++)
        {
            var expectedKind = circuit.Ops[i].Kind == GateKind.Unitary1 ? GateKind.U3 : circuit.Ops[i].Kind;
            Assert.Equal(expectedKind, back.Ops[i].Kind);
            Assert.Equal(circuit.Ops[i].Qubit0, back.Ops[i].Qubit0);
            Assert.Equal(circuit.Ops[i].Qubit1, back.Ops[i].Qubit1);
        }

        // Only one-qubit matrices lose their global phase (written as u3).
        AssertSameUpToPhase(circuit.ToUnitary(parameters), back.ToUnitary([]));
        Assert.Equal(text, QasmExporter.Export(back, []));
    }

    public static TheoryData<GateKind> EveryKind => new(RandomCircuits.AllKinds);

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_gate_kind_the_exporter_writes_imports_back_to_the_same_unitary(GateKind kind)
    {
        var rng = new Random((int)kind + 7);
        var (circuit, parameters) = RandomCircuits.Make(3, 4, rng, [kind]);
        var text = QasmExporter.Export(circuit, parameters, measureAll: true);
        var result = QasmImporter.ImportParameterized(text, "kind.qasm");
        Assert.Equal(1, result.MeasurementCount);

        // Matrices are written as u3 / KAK without their global phase; every named gate keeps it.
        var expected = circuit.ToUnitary(parameters);
        var actual = result.Circuit.ToUnitary(result.Parameters);
        if (kind is GateKind.Unitary1 or GateKind.Unitary2)
        {
            AssertEqualUpToPhase(expected, actual, 1e-9);
        }
        else
        {
            Assert.True(Dense.MaxDifference(expected, actual) < 1e-12, $"{kind}: {Dense.MaxDifference(expected, actual)}");
            Assert.Equal(text, QasmExporter.Export(result.Circuit, result.Parameters, measureAll: true));
        }
    }

    [Fact]
    public void Parameterized_import_turns_angles_into_parameters()
    {
        var circuit = new Circuit(3).RX(0, Angle.Parameter(0)).CRY(0, 2, Angle.Parameter(1)).U3(1, 0.1, Angle.Parameter(0), 0.3).CNOT(1, 2);
        double[] theta = [0.25, -1.5];
        var result = QasmImporter.ImportParameterized(QasmExporter.Export(circuit, theta));
        Assert.Equal([0.25, -1.5, 0.1, 0.25, 0.3], result.Parameters);
        Assert.Equal(5, result.Circuit.ParameterCount);
        AssertSameUpToPhase(circuit.ToUnitary(theta), result.Circuit.ToUnitary(result.Parameters));
    }

    [Fact]
    public void Imports_qiskit_style_files_with_definitions_broadcast_and_expressions()
    {
        const string text = """
            OPENQASM 2.0;
            include "qelib1.inc";
            // two registers are laid out one after the other
            qreg a[2];
            qreg b[1];
            creg c[3];
            gate mygate(theta, phi) x, y { h x; cx x, y; rz(theta/2 + phi) y; barrier x, y; }
            h a;
            u2(0, pi) b[0];
            mygate(pi/3, -0.1) a[1], b[0];
            cp(pi/4) a[0], b[0];
            cu3(0.3, 0.2, 0.1) b[0], a[0];
            u(2*0.5, sin(0.2), 1e-1) a[1];
            barrier a, b;
            measure a[1] -> c[0];
            measure b[0] -> c[2];
            """;
        var imported = QasmImporter.ImportParameterized(text, "qiskit.qasm");
        Assert.Equal(2, imported.MeasurementCount);
        var circuit = imported.Circuit;
        var parameters = imported.Parameters;
        Assert.Equal(3, circuit.NumQubits);

        var expected = new Circuit(3).H(0).H(1)
            .U3(2, Math.PI / 2, 0, Math.PI)
            .H(1).CNOT(1, 2).RZ(2, Math.PI / 6 - 0.1)
            .Unitary(0, 2, Controlled(new Circuit(1).P(0, Math.PI / 4)))
            .Unitary(2, 0, Controlled(new Circuit(1).U3(0, 0.3, 0.2, 0.1)))
            .U3(1, 1.0, Math.Sin(0.2), 0.1);
        AssertSameUpToPhase(expected.ToUnitary([]), circuit.ToUnitary(parameters));
    }

    [Theory]
    [InlineData("OPENQASM 2.0;\nqreg q[2];\nfoo q[0];", "line 3, column 1", "unknown gate 'foo'")]
    [InlineData("OPENQASM 2.0;\nqreg q[2];\ncx q[0], q[0];", "line 3", "same qubit twice")]
    [InlineData("OPENQASM 2.0;\nqreg q[2];\nrx q[5];", "line 3", "out of range")]
    [InlineData("OPENQASM 2.0;\nqreg q[2];\nrx q[0];", "line 3", "takes 1 parameter")]
    [InlineData("OPENQASM 4.0;\nqubit q;", "line 1", "this importer reads OpenQASM 2.0 and 3")]
    [InlineData("OPENQASM 2.0;\nqreg q[1];\nh q[0];\nreset q[0];", "line 4", "mid-circuit reset")]
    [InlineData("OPENQASM 2.0;\nqreg q[1];\nrx(pi q[0];", "line 3", "expected ','")]
    public void Bad_files_name_the_line_and_the_problem(string text, string place, string problem)
    {
        var ex = Assert.Throws<QasmException>(() => QasmImporter.Import(text, "bad.qasm"));
        Assert.Contains("bad.qasm", ex.Message);
        Assert.Contains(place, ex.Message);
        Assert.Contains(problem, ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Two_qubit_matrices_are_exported_as_their_KAK_decomposition(int seed)
    {
        var rng = new Random(seed);
        // Random unitaries, plus the special cases with degenerate MᵀM spectra: products of one-qubit
        // gates, CNOT, SWAP and controlled phases given as plain matrices.
        var circuit = new Circuit(3).H(0).Unitary(0, 2, Textbook.RandomUnitary(4, rng)).RY(1, 0.3)
            .Unitary(2, 1, Textbook.RandomUnitary(4, rng))
            .Unitary(1, 0, Kron(Textbook.RandomUnitary(2, rng), Textbook.RandomUnitary(2, rng)))
            .Unitary(0, 1, MatrixOf(new Circuit(2).CNOT(0, 1)))
            .Unitary(1, 2, MatrixOf(new Circuit(2).SWAP(0, 1)))
            .Unitary(2, 0, MatrixOf(new Circuit(2).CRZ(0, 1, 0.7 * seed)))
            .Unitary(0, 2, new ComplexMatrix(4, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]));
        var text = QasmExporter.Export(circuit, []);
        Assert.Contains("rxx(", text);
        Assert.Contains("gate ryy(theta) a,b", text);
        var back = QasmImporter.Import(text, "kak.qasm");
        Assert.Equal(2 + 7 * 7, back.Ops.Count);
        AssertEqualUpToPhase(circuit.ToUnitary([]), back.ToUnitary([]), 1e-9);
    }

    private static ComplexMatrix MatrixOf(Circuit twoQubits)
    {
        var u = twoQubits.ToUnitary([]);
        var entries = new Complex[16];
        for (var i = 0; i < 16; i++)
        {
            entries[i] = u[i / 4, i % 4];
        }

        return new ComplexMatrix(4, entries);
    }

    private static ComplexMatrix Kron(ComplexMatrix a, ComplexMatrix b)
    {
        var entries = new Complex[16];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                entries[i * 4 + j] = a[i / 2, j / 2] * b[i % 2, j % 2];
            }
        }

        return new ComplexMatrix(4, entries);
    }

    private static void AssertEqualUpToPhase(Complex[,] expected, Complex[,] actual, double tolerance)
    {
        var dim = expected.GetLength(0);
        var (r, c) = (0, 0);
        for (var i = 0; i < dim; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                (r, c) = expected[i, j].Magnitude > expected[r, c].Magnitude ? (i, j) : (r, c);
            }
        }

        var phase = expected[r, c] / actual[r, c];
        Assert.Equal(1.0, phase.Magnitude, 10);
        for (var i = 0; i < dim; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                Assert.True((phase * actual[i, j] - expected[i, j]).Magnitude < tolerance, $"entry ({i},{j}): {phase * actual[i, j]} vs {expected[i, j]}");
            }
        }
    }

    [Fact]
    public void Export_writes_qelib1_names_and_valid_reals()
    {
        var text = QasmExporter.Export(new Circuit(2).P(0, 1e-5).RYY(0, 1, 0.5).CNOT(1, 0), [], measureAll: true);
        Assert.Contains("u1(1.0E-05) q[0];", text);
        Assert.Contains("gate ryy(theta) a,b", text);
        Assert.Contains("cx q[1],q[0];", text);
        Assert.EndsWith("measure q -> c;\n", text);
    }

    private static ComplexMatrix Controlled(Circuit oneQubit)
    {
        var u = oneQubit.ToUnitary([]);
        return new ComplexMatrix(4, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, u[0, 0], u[0, 1], 0, 0, u[1, 0], u[1, 1]]);
    }

    internal static void AssertSameUpToPhase(Complex[,] a, Complex[,] b)
    {
        var dim = a.GetLength(0);
        var (r, c) = (0, 0);
        for (var i = 0; i < dim; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                if (a[i, j].Magnitude > a[r, c].Magnitude)
                {
                    (r, c) = (i, j);
                }
            }
        }

        var phase = b[r, c] / a[r, c];
        Assert.Equal(1.0, phase.Magnitude, 10);
        for (var i = 0; i < dim; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                Assert.True((a[i, j] * phase - b[i, j]).Magnitude < 1e-10, $"entry ({i},{j})");
            }
        }
    }
}
