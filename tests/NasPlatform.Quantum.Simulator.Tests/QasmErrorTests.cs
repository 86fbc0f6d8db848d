using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>
/// Every refusal is a <see cref="QasmException"/> with file, line and column; measure, reset and if are
/// accepted exactly where a unitary circuit represents them.
/// </summary>
public class QasmErrorTests
{
    private const string Head = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\n";

    [Theory]
    // An error inside a gate body is reported at the call, with the body's place as context.
    [InlineData("gate g a { foo a; }\nh q[0];\ng q[1];", "line 7, column 1", "in the body of gate g (bad.qasm line 5, column 12): unknown gate 'foo'")]
    [InlineData("gate g(t) a { rx(1/t) a; }\ng(0) q[1];", "line 6, column 1", "division by zero")]
    [InlineData("gate g a, b { cx a, a; }\ng q[0], q[1];", "line 6, column 1", "same qubit twice")]
    [InlineData("gate g a { k a; }\ngate k a { g a; }\nk q[0];", "line 7, column 1", "calls itself (k -> g -> k)")]
    [InlineData("gate g a { h a; }\ngate k a, b { g a, b; }\nk q[0], q[1];", "line 7, column 1", "(bad.qasm line 6, column 15): gate g takes 0 parameter(s) and 1 qubit(s)")]
    // Numbers and arithmetic.
    [InlineData("h q[99999999999];", "line 5, column 5", "q[99999999999] is out of range; the register has 2 qubits")]
    [InlineData("rx(1.5e) q[0];", "line 5, column 4", "malformed number '1.5e': the exponent needs digits")]
    [InlineData("rx(1.2.3) q[0];", "line 5, column 4", "malformed number")]
    [InlineData("rx(1e999) q[0];", "line 5, column 4", "does not fit a double")]
    [InlineData("rx(1/0) q[0];", "line 5, column 5", "division by zero")]
    [InlineData("rx(2/(pi-pi)) q[0];", "line 5, column 5", "division by zero")]
    [InlineData("rx(ln(0)) q[0];", "line 5, column 4", "must be a finite number")]
    [InlineData("rx(sqrt(-1)) q[0];", "line 5, column 4", "must be a finite number")]
    [InlineData("rx(10^400) q[0];", "line 5, column 6", "must be a finite number")]
    [InlineData("qreg r[99999999999];", "line 5, column 6", "the simulator holds 1 to")]
    // Non-unitary operations where a unitary circuit cannot represent them.
    [InlineData("h q[0];\nreset q[0];", "line 6, column 1", "mid-circuit reset")]
    [InlineData("measure q[0] -> c[0];\nreset q;", "line 6, column 1", "after it was measured")]
    [InlineData("measure q[0] -> c[0];\nh q[1];\nx q[0];", "line 5, column 1", "q[0] is measured here and then used by 'x' at line 7, column 1")]
    [InlineData("measure q -> c;\ncx q[1], q[0];", "line 5, column 1", "mid-circuit measurement")]
    [InlineData("gate g a, b { cx a, b; }\nmeasure q[1] -> c[1];\ng q[0], q[1];", "line 6, column 1", "used by 'g'")]
    [InlineData("measure q[0] -> c[0];\nif (c==1) x q[1];", "line 6, column 1", "depends on a measurement outcome")]
    [InlineData("if (c==0) qreg r[1];", "line 5, column 11", "only a gate call, measure or reset can follow 'if (...)', found 'qreg'")]
    [InlineData("measure q -> c[0];", "line 5, column 1", "measure of 2 qubit(s) into 1 bit(s)")]
    [InlineData("measure q[0] -> d[0];", "line 5, column 17", "'d' is not a declared creg")]
    [InlineData("measure q[0] -> c[2];", "line 5, column 19", "c[2] is out of range")]
    [InlineData("opaque g a;", "line 5, column 1", "'opaque' gate has no definition")]
    public void Problems_are_located_and_say_what_to_fix(string body, string place, string problem)
    {
        var ex = Assert.Throws<QasmException>(() => QasmImporter.Import(Head + body, "bad.qasm"));
        Assert.Contains($"bad.qasm: {place}:", ex.Message);
        Assert.Contains(problem, ex.Message);
    }

    [Theory]
    [InlineData("qreg q[1];\nh q[0];")]
    [InlineData("// a comment first\ninclude \"qelib1.inc\";\nqreg q[1];")]
    public void A_file_without_the_header_is_refused_with_the_fix(string text)
    {
        var ex = Assert.Throws<QasmException>(() => QasmImporter.Import(text, "nohead.qasm"));
        Assert.Contains("nohead.qasm: line ", ex.Message);
        Assert.Contains("add the line 'OPENQASM 2.0;' at the top", ex.Message);
    }

    [Fact]
    public void Reset_before_any_gate_is_a_no_op()
    {
        var circuit = QasmImporter.Import(Head + "reset q;\nreset q[1];\nh q[0];\ncx q[0], q[1];", "reset.qasm");
        Assert.Equal([GateKind.H, GateKind.CNOT], circuit.Ops.Select(o => o.Kind));
    }

    [Fact]
    public void Terminal_measurements_are_kept_out_of_the_circuit_and_counted()
    {
        var result = QasmImporter.ImportParameterized(Head + "h q[0];\nmeasure q[0] -> c[0];\nh q[1];\nbarrier q;\nmeasure q[1] -> c[1];", "m.qasm");
        Assert.Equal(2, result.MeasurementCount);
        Assert.Equal([GateKind.H, GateKind.H], result.Circuit.Ops.Select(o => o.Kind));
    }

    [Fact]
    public void If_on_a_register_no_measure_wrote_is_decided_now_because_it_holds_zero()
    {
        var circuit = QasmImporter.Import(Head + "if (c==0) x q[0];\nif (c==1) x q[1];\nif (c==0) u1(0.5) q;", "if.qasm");
        Assert.Equal([GateKind.X, GateKind.P, GateKind.P], circuit.Ops.Select(o => o.Kind));
        Assert.Equal(0, circuit.Ops[0].Qubit0);
    }

    [Fact]
    public void Errors_in_library_gates_name_the_call_and_the_built_in_definition()
    {
        var ex = Assert.Throws<QasmException>(() => QasmImporter.Import(Head + "ccx q[0], q[1], q[0];", "lib.qasm"));
        Assert.Contains("lib.qasm: line 5, column 1:", ex.Message);
        Assert.Contains("same qubit twice", ex.Message);
    }
}
