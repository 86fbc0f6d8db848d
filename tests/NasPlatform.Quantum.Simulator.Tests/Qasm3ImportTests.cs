using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>
/// OpenQASM 3 as SDKs write it by default: each file is checked against the same circuit written in
/// OpenQASM 2.0 (whose gates are checked against their textbook matrices elsewhere), or against exact
/// outcome probabilities derived by hand.
/// </summary>
public class Qasm3ImportTests
{
    /// <summary>The shape of Qiskit's qasm3.dumps: definitions of non-standard gates first, bit before qubit, measure assignments.</summary>
    private const string QiskitDumps = """
        OPENQASM 3.0;
        include "stdgates.inc";
        gate rzx(_gate_p_0) _gate_q_0, _gate_q_1 {
          h _gate_q_1;
          cx _gate_q_0, _gate_q_1;
          rz(_gate_p_0) _gate_q_1;
          cx _gate_q_0, _gate_q_1;
          h _gate_q_1;
        }
        bit[3] c;
        qubit[3] q;
        h q[0];
        cx q[0], q[1];
        rzx(pi/4) q[1], q[2];
        cp(pi/8) q[0], q[2];
        cu(0.3, 0.2, 0.1, 0.4) q[2], q[0];
        U(0.5, 0.1, -0.2) q[1];
        ccx q[0], q[1], q[2];
        cswap q[2], q[0], q[1];
        sx q[0];
        crx(-0.5) q[1], q[0];
        barrier q[0], q[1], q[2];
        c[0] = measure q[0];
        c[1] = measure q[1];
        c[2] = measure q[2];
        """;

    private const string QiskitAsVersion2 = """
        OPENQASM 2.0;
        include "qelib1.inc";
        gate rzx(t) a, b { h b; cx a, b; rz(t) b; cx a, b; h b; }
        qreg q[3];
        creg c[3];
        h q[0];
        cx q[0], q[1];
        rzx(pi/4) q[1], q[2];
        cp(pi/8) q[0], q[2];
        cu(0.3, 0.2, 0.1, 0.4) q[2], q[0];
        u3(0.5, 0.1, -0.2) q[1];
        ccx q[0], q[1], q[2];
        cswap q[2], q[0], q[1];
        sx q[0];
        crx(-0.5) q[1], q[0];
        measure q -> c;
        """;

    [Fact]
    public void A_file_shaped_like_qiskit_qasm3_dumps_imports_as_the_same_circuit_in_openqasm_2()
    {
        var program = QasmImporter.ImportProgram(QiskitDumps, "qiskit3.qasm");
        var reference = QasmImporter.Import(QiskitAsVersion2, "qiskit2.qasm");

        Assert.Equal(3, program.Version);
        Assert.Equal(3, program.MeasurementCount);
        Assert.Equal(["c"], program.ClassicalRegisters.Select(r => r.Name));
        QasmTests.AssertSameUpToPhase(reference.ToUnitary([]), program.ToCircuit().ToUnitary([]));
    }

    [Fact]
    public void A_file_shaped_like_microsoft_qdk_output_imports_with_pi_block_comments_and_single_qubits()
    {
        const string text = """
            OPENQASM 3;
            include "stdgates.inc";
            /* Generated for a Bell pair
               with a phase. */
            qubit a;
            qubit b;
            output bit[2] result;
            h a;
            cx a, b;
            rz(π / 2) b;   // a quarter turn
            phase(τ / 8) a;
            cphase(-π/4) a, b;
            gphase(π / 3);
            result[0] = measure a;
            result[1] = measure b;
            """;
        var reference = QasmImporter.Import(
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\nrz(pi/2) q[1];\np(pi/4) q[0];\ncp(-pi/4) q[0], q[1];\n", "reference.qasm");

        var program = QasmImporter.ImportProgram(text, "qdk.qasm");

        Assert.Equal(3, program.Version);
        Assert.Equal(["a", "b"], program.QuantumRegisters.Select(r => r.Name));
        QasmTests.AssertSameUpToPhase(reference.ToUnitary([]), program.ToCircuit().ToUnitary([]));
        Assert.Equal(["00", "11"], program.Probabilities().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void If_else_blocks_on_bits_run_with_their_real_semantics()
    {
        const string text = """
            OPENQASM 3.0;
            include "stdgates.inc";
            bit[2] c;
            bit flag;
            qubit[3] q;
            h q[0];
            c[0] = measure q[0];
            if (c[0]) {
              x q[1];
            } else {
              h q[1];
            }
            c[1] = measure q[1];
            if (c == 3) x q[2];
            if (!c[1]) {
              gphase(0.3);
              barrier q;
            }
            flag = measure q[2];
            """;

        var probabilities = QasmImporter.ImportProgram(text, "if3.qasm").Probabilities();

        // q[0] reads 1: q[1] flipped to 1, c = 3, so q[2] flips. q[0] reads 0: q[1] gets h and reads 0 or 1.
        Assert.Equal(new Dictionary<string, double> { ["11 1"] = 0.5, ["00 0"] = 0.25, ["01 0"] = 0.25 },
            probabilities.ToDictionary(p => p.Key, p => Math.Round(p.Value, 12)));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void What_our_qasm3_exporter_writes_imports_back_as_the_same_unitary(int seed)
    {
        var (circuit, parameters) = RandomCircuits.Make(4, 60, new Random(seed), RandomCircuits.AllKinds);

        var text = Qasm3Exporter.Export(circuit, parameters, measureAll: true);
        var back = QasmImporter.ImportParameterized(text, "export3.qasm");

        Assert.Equal(1, back.MeasurementCount);
        Assert.Equal(circuit.NumQubits, back.Circuit.NumQubits);
        QasmTests.AssertSameUpToPhase(circuit.ToUnitary(parameters), back.Circuit.ToUnitary(back.Parameters));
    }

    [Theory]
    [InlineData("ctrl @ x q[0], q[1];", "line 4, column 1", "the gate modifier 'ctrl @' is not supported")]
    [InlineData("float[64] theta = 0.5;", "line 4, column 1", "'float' is outside the OpenQASM 3 subset")]
    [InlineData("input float[64] theta;", "line 4, column 1", "'input' parameter has no value")]
    [InlineData("rx(2^3) q[0];", "line 4, column 5", "'^' is a bitwise xor")]
    [InlineData("rx(1/0) q[0];", "line 4, column 5", "division by zero")]
    [InlineData("/* never closed\nh q[0];", "line 4, column 1", "unterminated comment")]
    [InlineData("c = measure q[0];", "line 4, column 1", "measure of 1 qubit(s) into 2 bit(s)")]
    [InlineData("c[0] = h q[0];", "line 4, column 8", "only a measurement can be assigned")]
    [InlineData("if (c) x q[0];", "line 4, column 5", "'c' has 2 bits")]
    [InlineData("if (c[0]) { x q[0];", "line 4, column 20", "missing '}'")]
    [InlineData("include \"qelib2.inc\";", "line 4, column 9", "only \"stdgates.inc\" can be included")]
    [InlineData("gate g a { pow(2) @ x a; }", "line 4, column 12", "the gate modifier 'pow @'")]
    public void Version_3_problems_are_located(string body, string place, string problem)
    {
        var ex = Assert.Throws<QasmException>(() => QasmImporter.ImportProgram("OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\n" + body, "bad3.qasm"));

        Assert.Contains($"bad3.qasm: {place}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPENQASM 2.0;\nqreg q[1];", 2)]
    [InlineData("OPENQASM 3;\nqubit[1] q;", 3)]
    [InlineData("OPENQASM 3.0;\nqreg q[1];", 3)]
    public void The_header_sets_the_version(string text, int version) =>
        Assert.Equal(version, QasmImporter.ImportProgram(text, "v.qasm").Version);
}
