using System.Globalization;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>
/// measure, reset and if executed with their real semantics: outcomes drawn and states collapsed, exact
/// branch probabilities against hand-derived values, sampled counts against those probabilities.
/// </summary>
public class QasmProgramTests
{
    /// <summary>
    /// Teleportation as in the OpenQASM 2.0 paper (arXiv:1707.03429, figure 5): q[0]'s state u3(θ,φ,λ)|0⟩ goes to
    /// q[2] by two measurements and two corrections. Undoing the preparation on q[2] and measuring it gives 0
    /// in every branch exactly when q[2] holds the input state in every branch.
    /// </summary>
    private static string Teleport(bool corrections) => $$"""
        OPENQASM 2.0;
        include "qelib1.inc";
        qreg q[3];
        creg c0[1];
        creg c1[1];
        creg check[1];
        u3(1.1,0.4,-0.7) q[0];
        h q[1];
        cx q[1],q[2];
        barrier q;
        cx q[0],q[1];
        h q[0];
        measure q[0] -> c0[0];
        measure q[1] -> c1[0];
        {{(corrections ? "if(c0==1) z q[2];\nif(c1==1) x q[2];" : "")}}
        u3(-1.1,0.7,-0.4) q[2];
        measure q[2] -> check[0];
        """;

    [Fact]
    public void Teleportation_delivers_the_input_state_in_every_branch()
    {
        var probabilities = QasmImporter.ImportProgram(Teleport(corrections: true), "teleport.qasm").Probabilities();

        Assert.True(probabilities.Count == 4, string.Join(", ", probabilities.Select(p => $"{p.Key}: {p.Value}")));
        Assert.Equal(["0 0 0", "0 1 0", "1 0 0", "1 1 0"], probabilities.Keys.Order(StringComparer.Ordinal));
        Assert.All(probabilities.Values, p => Assert.Equal(0.25, p, 12));
    }

    [Fact]
    public void Teleportation_without_the_corrections_fails_the_check_so_the_check_can_fail()
    {
        var probabilities = QasmImporter.ImportProgram(Teleport(corrections: false), "teleport.qasm").Probabilities();

        Assert.True(probabilities.Where(p => p.Key.EndsWith('1')).Sum(p => p.Value) > 0.1);
        Assert.Equal(1.0, probabilities.Values.Sum(), 12);
    }

    [Fact]
    public void Reset_of_an_entangled_qubit_leaves_it_in_zero_and_its_partner_mixed()
    {
        const string text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nreset q[0];\nh q[1];\nmeasure q -> c;\n";
        var program = QasmImporter.ImportProgram(text, "reset.qasm");

        var probabilities = program.Probabilities();

        // Pure |+⟩ on q[1] would give 0 after the h; the reset left q[1] mixed, so h gives 0 and 1 half each.
        Assert.Equal(["00", "01"], probabilities.Keys.Order(StringComparer.Ordinal));
        Assert.All(probabilities.Values, p => Assert.Equal(0.5, p, 12));
        var refused = Assert.Throws<QasmException>(program.ToCircuit);
        Assert.Contains("reset.qasm: line 7, column 1: mid-circuit reset of q[0] after gates acted on it; this caller needs a unitary circuit", refused.Message);
    }

    [Fact]
    public void If_compares_the_whole_register_as_a_number_with_bit_0_least_significant()
    {
        const string text = """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[4];
            creg c[2];
            creg d[2];
            h q[0];
            x q[1];
            measure q[0] -> c[0];
            measure q[1] -> c[1];
            if (c==3) x q[2];
            if (c==2) x q[3];
            measure q[2] -> d[0];
            measure q[3] -> d[1];
            """;

        var probabilities = QasmImporter.ImportProgram(text, "if.qasm").Probabilities();

        // c = 0b10 = 2 (q[0] read 0) sets d[1]; c = 0b11 = 3 (q[0] read 1) sets d[0].
        Assert.Equal(new Dictionary<string, double> { ["01 01"] = 0.5, ["11 10"] = 0.5 }, probabilities.ToDictionary(p => p.Key, p => Math.Round(p.Value, 12)));
    }

    [Fact]
    public void A_conditioned_measure_or_reset_runs_only_when_the_condition_holds()
    {
        const string text = "OPENQASM 2.0;\nqreg q[2];\ncreg c[1];\ncreg d[1];\nU(pi,0,pi) q[0];\nU(pi,0,pi) q[1];\nmeasure q[0] -> c[0];\n" +
            "if (c==0) reset q[1];\nif (c==1) measure q[1] -> d[0];\n";

        var probabilities = QasmImporter.ImportProgram(text, "cond.qasm").Probabilities();

        Assert.Equal(["1 1"], probabilities.Keys);
    }

    [Fact]
    public void Exact_branch_probabilities_match_the_hand_derived_ones()
    {
        const double theta = 1.1, phi = 0.7;
        var probabilities = QasmImporter.ImportProgram(Branching(theta, phi), "branch.qasm").Probabilities();

        var (c2, s2) = (Math.Pow(Math.Cos(theta / 2), 2), Math.Pow(Math.Sin(theta / 2), 2));
        var (cp, sp) = (Math.Pow(Math.Cos(phi / 2), 2), Math.Pow(Math.Sin(phi / 2), 2));
        Assert.Equal(c2 * cp, probabilities["00"], 12);
        Assert.Equal(c2 * sp, probabilities["01"], 12);
        Assert.Equal(s2 * sp, probabilities["10"], 12);
        Assert.Equal(s2 * cp, probabilities["11"], 12);
    }

    [Fact]
    public void Shot_counts_follow_the_exact_probabilities_within_the_chi_square_bound()
    {
        var program = QasmImporter.ImportProgram(Branching(1.1, 0.7, "h q[0];\nmeasure q[0] -> d[0];\n"), "shots.qasm");
        const int shots = 20_000;

        var exact = program.Probabilities();
        var counts = program.Sample(shots, new Random(11));

        Assert.Equal(shots, counts.Values.Sum());
        Assert.Equal(exact.Keys.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        var chiSquare = exact.Sum(p => Math.Pow(counts[p.Key] - shots * p.Value, 2) / (shots * p.Value));
        // 8 outcomes, 7 degrees of freedom: P(χ² > 24.3) = 0.001.
        Assert.True(chiSquare < 24.3, $"χ² = {chiSquare}");
    }

    [Fact]
    public void Sampling_is_deterministic_in_the_seed()
    {
        var program = QasmImporter.ImportProgram(Teleport(corrections: true), "teleport.qasm");

        var a = program.Sample(4000, new Random(3));
        var b = program.Sample(4000, new Random(3));
        var c = program.Sample(4000, new Random(4));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a.Keys, k => Assert.EndsWith("0", k, StringComparison.Ordinal));
        Assert.All(a.Values, n => Assert.InRange(n, 1000 - 4 * 28, 1000 + 4 * 28)); // binomial(4000, 1/4): sd 27.4
    }

    [Fact]
    public void Replaying_the_path_instead_of_copying_the_state_gives_the_same_results()
    {
        var program = QasmImporter.ImportProgram(Branching(1.1, 0.7, "reset q[1];\nh q[1];\ncx q[1],q[2];\nmeasure q[1] -> d[0];\nh q[0];\nmeasure q[0] -> d[0];\nmeasure q[2] -> c[0];\n"), "replay.qasm");

        var copied = new QasmProgramRunner(program, null, 1 << 16).Exact();
        var replayed = new QasmProgramRunner(program, null, 1 << 16, copyBudgetBytes: 0).Exact();
        var sampledCopied = new QasmProgramRunner(program, new Random(5), int.MaxValue).Sampled(3000);
        var sampledReplayed = new QasmProgramRunner(program, new Random(5), int.MaxValue, copyBudgetBytes: 0).Sampled(3000);

        Assert.True(copied.Count >= 4, string.Join(", ", copied.Keys));
        Assert.Equal(copied.Keys.Order(StringComparer.Ordinal), replayed.Keys.Order(StringComparer.Ordinal));
        Assert.All(copied, p => Assert.Equal(p.Value, replayed[p.Key], 12));
        Assert.Equal(1.0, replayed.Values.Sum(), 12);
        Assert.Equal(sampledCopied, sampledReplayed);
    }

    [Fact]
    public void A_program_that_measures_nothing_is_read_out_on_every_qubit()
    {
        var program = QasmImporter.ImportProgram("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\nh q[0];\ncx q[0],q[2];\n", "ghz.qasm");

        Assert.Equal("qubit 0 first", program.OutcomeOrder);
        Assert.Equal(["000", "101"], program.Probabilities().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unitary_callers_refuse_a_mid_circuit_measure_or_a_branch_on_an_outcome_at_its_place()
    {
        var measured = Assert.Throws<QasmException>(() => QasmImporter.Import("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\nh q[0];\n", "mid.qasm"));
        var branched = Assert.Throws<QasmException>(() => QasmImporter.ImportProgram(Teleport(corrections: true), "teleport.qasm").ToImportResult(parameterize: true));

        Assert.StartsWith("mid.qasm: line 6, column 1: mid-circuit measurement: q[0] is measured here and then used by 'h' at line 7, column 1; this caller needs a unitary circuit", measured.Message, StringComparison.Ordinal);
        Assert.Contains("'nas quantum qasm FILE --shots N' runs such a program", measured.Message, StringComparison.Ordinal);
        Assert.StartsWith("teleport.qasm: line 15, column 1: 'if (c0==1)' depends on a measurement outcome; this caller needs a unitary circuit", branched.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_branches_for_exact_probabilities_is_refused_with_the_way_out()
    {
        var text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\ncreg d[1];\n" + string.Concat(Enumerable.Repeat("h q[0];\nmeasure q[0] -> c[0];\n", 12)) + "h q[0];\nmeasure q[0] -> d[0];\n";
        var program = QasmImporter.ImportProgram(text, "many.qasm");

        var ex = Assert.Throws<InvalidOperationException>(() => program.Probabilities(maxBranches: 1000));

        Assert.Contains("more than 1000 branches", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--shots", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, program.Probabilities().Values.Sum(), 12);
    }

    /// <summary>ry(θ) q0; measure; if it read 1, flip q1; ry(φ) q1; measure: P(c0 c1) derived by hand in the test.</summary>
    private static string Branching(double theta, double phi, string more = "") => string.Create(CultureInfo.InvariantCulture, $"""
        OPENQASM 2.0;
        include "qelib1.inc";
        qreg q[3];
        creg c[2];
        {(more.Length == 0 ? string.Empty : "creg d[1];")}
        ry({theta}) q[0];
        measure q[0] -> c[0];
        if (c==1) x q[1];
        ry({phi}) q[1];
        measure q[1] -> c[1];

        """) + more;
}
