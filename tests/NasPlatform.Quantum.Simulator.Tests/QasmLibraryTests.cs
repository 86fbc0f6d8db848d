using System.Numerics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>
/// The qelib1.inc gates without a native kind, each imported on scattered qubits in scrambled order and run
/// on random states, against a dense 2^n×2^n matrix built independently from the gate's textbook matrix.
/// </summary>
public class QasmLibraryTests
{
    private const int N = 6;

    private static readonly Complex I = Complex.ImaginaryOne;
    private static readonly Complex[,] X = { { 0, 1 }, { 1, 0 } };
    private static readonly Complex[,] SX = { { (1 + I) / 2, (1 - I) / 2 }, { (1 - I) / 2, (1 + I) / 2 } };
    private static readonly Complex[,] H = { { 1 / Math.Sqrt(2), 1 / Math.Sqrt(2) }, { 1 / Math.Sqrt(2), -1 / Math.Sqrt(2) } };
    private static readonly Complex[,] T = { { 1, 0 }, { 0, Complex.FromPolarCoordinates(1, Math.PI / 4) } };
    private static readonly Complex[,] Tdg = { { 1, 0 }, { 0, Complex.FromPolarCoordinates(1, -Math.PI / 4) } };
    private static readonly Complex[,] CX = MultiControlled(1, X);

    public static TheoryData<string, int[]> Gates => new()
    {
        { "ccx", [4, 1, 3] },
        { "cswap", [5, 0, 2] },
        { "c3x", [2, 5, 0, 3] },
        { "c3sqrtx", [1, 4, 5, 0] },
        { "c4x", [3, 0, 5, 1, 4] },
        { "csx", [3, 1] },
        { "cu(0.7,-1.3,2.1,0.4)", [1, 4] },
        { "cu(-2.5,0.2,-0.9,-1.7)", [5, 2] },
        { "u0(0.3)", [2] },
        { "rccx", [0, 5, 2] },
        { "rc3x", [4, 2, 0, 3] },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void Qelib1_gate_matches_its_textbook_matrix_on_random_states(string call, int[] qubits)
    {
        var text = $"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[{N}];\n{call} {string.Join(",", qubits.Select(q => $"q[{q}]"))};\n";
        var circuit = QasmImporter.Import(text, "lib.qasm");
        var full = EmbedK(N, qubits, Textbook(call));
        var rng = new Random(call.Length * 31 + qubits[0]);
        for (var trial = 0; trial < 3; trial++)
        {
            var state = RandomCircuits.RandomState(N, rng);
            var vector = Enumerable.Range(0, state.Length).Select(i => state[i]).ToArray();
            circuit.Apply(state, []);
            Assert.True(Dense.MaxDifference(state, Dense.Apply(full, vector)) < 1e-12, $"{call}: {Dense.MaxDifference(state, Dense.Apply(full, vector))}");
        }
    }

    [Theory]
    [InlineData("rccx")]
    [InlineData("rc3x")]
    public void Relative_phase_toffolis_are_multi_controlled_x_up_to_phases_of_the_basis_states(string name)
    {
        var controls = name == "rccx" ? 2 : 3;
        var u = Textbook(name);
        var toffoli = MultiControlled(controls, X);
        for (var i = 0; i < u.GetLength(0); i++)
        {
            for (var j = 0; j < u.GetLength(1); j++)
            {
                Assert.Equal(toffoli[i, j].Magnitude, u[i, j].Magnitude, 12);
            }
        }
    }

    [Fact]
    public void The_c3sqrtx_body_Qiskit_ships_is_the_controlled_inverse_which_is_why_the_built_in_one_differs()
    {
        const string text = """
            OPENQASM 2.0;
            gate shipped a,b,c,d
            {
              h d; cu1(-pi/8) a,d; h d; cx a,b; h d; cu1(pi/8) b,d; h d; cx a,b; h d; cu1(-pi/8) b,d; h d; cx b,c;
              h d; cu1(pi/8) c,d; h d; cx a,c; h d; cu1(-pi/8) c,d; h d; cx b,c; h d; cu1(pi/8) c,d; h d; cx a,c;
              h d; cu1(-pi/8) c,d; h d;
            }
            qreg q[4];
            shipped q[0],q[1],q[2],q[3];
            """;
        var unitary = QasmImporter.Import(text, "shipped.qasm").ToUnitary([]);
        Assert.True(Dense.MaxDifference(MultiControlled(3, Dense.Adjoint(SX)), unitary) < 1e-12);
        Assert.True(Dense.MaxDifference(MultiControlled(3, SX), unitary) > 0.1);
    }

    [Fact]
    public void A_file_may_redefine_a_library_gate()
    {
        const string text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\ngate ccx a,b,c { x a; }\nqreg q[3];\nccx q[0],q[1],q[2];\n";
        var circuit = QasmImporter.Import(text, "own.qasm");
        Assert.Single(circuit.Ops);
        Assert.Equal(GateKind.X, circuit.Ops[0].Kind);
    }

    /// <summary>The gate's matrix over its own qubits, first argument the most significant bit.</summary>
    private static Complex[,] Textbook(string call)
    {
        var name = call.Split('(')[0];
        var angles = call.Contains('(') ? call[(call.IndexOf('(') + 1)..^1].Split(',').Select(double.Parse).ToArray() : [];
        return name switch
        {
            "ccx" => MultiControlled(2, X),
            "c3x" => MultiControlled(3, X),
            "c4x" => MultiControlled(4, X),
            "c3sqrtx" => MultiControlled(3, SX),
            "csx" => MultiControlled(1, SX),
            "cswap" => Permutation(8, 5, 6),
            "cu" => MultiControlled(1, Scale(U3(angles[0], angles[1], angles[2]), Complex.FromPolarCoordinates(1, angles[3]))),
            "u0" => Dense.Identity(2),
            // Relative-phase gates are defined by their circuits: the product of those textbook gates.
            "rccx" => Product(3, [(H, [2]), (T, [2]), (CX, [1, 2]), (Tdg, [2]), (CX, [0, 2]), (T, [2]), (CX, [1, 2]), (Tdg, [2]), (H, [2])]),
            "rc3x" => Product(4, [
                (H, [3]), (T, [3]), (CX, [2, 3]), (Tdg, [3]), (H, [3]), (CX, [0, 3]), (T, [3]), (CX, [1, 3]), (Tdg, [3]),
                (CX, [0, 3]), (T, [3]), (CX, [1, 3]), (Tdg, [3]), (H, [3]), (T, [3]), (CX, [2, 3]), (Tdg, [3]), (H, [3])]),
            _ => throw new ArgumentException(name),
        };
    }

    private static Complex[,] U3(double theta, double phi, double lambda)
    {
        var (c, s) = (Math.Cos(theta / 2), Math.Sin(theta / 2));
        return new Complex[,]
        {
            { c, -Complex.FromPolarCoordinates(s, lambda) },
            { Complex.FromPolarCoordinates(s, phi), Complex.FromPolarCoordinates(c, phi + lambda) },
        };
    }

    private static Complex[,] Scale(Complex[,] m, Complex factor)
    {
        var r = (Complex[,])m.Clone();
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                r[i, j] *= factor;
            }
        }

        return r;
    }

    /// <summary>Identity on k controls and one target, with <paramref name="u"/> in the all-controls-set block.</summary>
    private static Complex[,] MultiControlled(int controls, Complex[,] u)
    {
        var dim = 2 << controls;
        var m = Dense.Identity(dim);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                m[dim - 2 + i, dim - 2 + j] = u[i, j];
            }
        }

        return m;
    }

    private static Complex[,] Permutation(int dim, int a, int b)
    {
        var m = Dense.Identity(dim);
        (m[a, a], m[b, b], m[a, b], m[b, a]) = (0, 0, 1, 1);
        return m;
    }

    private static Complex[,] Product(int n, (Complex[,] Gate, int[] Qubits)[] ops)
    {
        var u = Dense.Identity(1 << n);
        foreach (var (gate, qubits) in ops)
        {
            u = Dense.Multiply(EmbedK(n, qubits, gate), u);
        }

        return u;
    }

    /// <summary>
    /// A k-qubit matrix acting on <paramref name="qubits"/> (the first the most significant bit of the
    /// sub-index) of n qubits; qubit q is bit n−1−q of the full index.
    /// </summary>
    private static Complex[,] EmbedK(int n, int[] qubits, Complex[,] g)
    {
        var dim = 1 << n;
        var mask = qubits.Aggregate(0, (m, q) => m | (1 << (n - 1 - q)));
        int Sub(int index) => qubits.Aggregate(0, (s, q) => (s << 1) | ((index >> (n - 1 - q)) & 1));
        var full = new Complex[dim, dim];
        for (var i = 0; i < dim; i++)
        {
            for (var j = 0; j < dim; j++)
            {
                if ((i & ~mask) == (j & ~mask))
                {
                    full[i, j] = g[Sub(i), Sub(j)];
                }
            }
        }

        return full;
    }
}
