using System.Numerics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A plan that fuses gates into dense blocks of up to k qubits (k = 2..4), as qsim's MultiQubitGateFuser does: each
/// block is one pass over the state with its 2^k × 2^k matrix (the product of its gates, rebuilt per parameter
/// vector), run by <see cref="DenseKernel"/> in either precision (blocks of one or two qubits by the tuned 2×2 and
/// 4×4 kernels). Gates join the latest block among those of their qubits while the block stays within k qubits, so
/// the order of non-commuting gates is kept. <see cref="Circuit.FuseDense()"/> chooses k by a cost model (see
/// <see cref="PassCost"/>). Forward simulation only: the adjoint gradient still steps gate by gate.
/// </summary>
public sealed class DenseFusedCircuit
{
    private readonly Block[] _blocks;

    internal DenseFusedCircuit(Circuit circuit, int maxQubits)
    {
        if (maxQubits is < 1 or > DenseKernel.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(maxQubits), maxQubits, $"Blocks take 1 to {DenseKernel.MaxQubits} qubits.");
        }

        Circuit = circuit;
        MaxBlockQubits = maxQubits;
        _blocks = Plan(circuit, maxQubits);
    }

    public Circuit Circuit { get; }

    /// <summary>The largest block allowed (k).</summary>
    public int MaxBlockQubits { get; }

    /// <summary>Passes over the state per application.</summary>
    public int StepCount => _blocks.Length;

    /// <summary>The blocks' qubit counts, in plan order.</summary>
    public IReadOnlyList<int> BlockSizes => [.. _blocks.Select(b => b.Qubits.Count)];

    /// <summary>
    /// The modelled cost of one pass with a k-qubit block, in units of one memory-bound pass: max(1, 2^k / c). From 22
    /// qubits, where the state leaves the caches, c = 8: a k = 3 block's 8 complex multiply-adds per amplitude take
    /// about as long as moving the amplitude (AVX2, FMA), k = 4 twice as long. Below, passes are compute-bound and
    /// c = 2 (a pass costs its arithmetic, 2^k/2 times a 2×2 pass's), so dense blocks beyond two qubits do not pay.
    /// A model from the kernels' arithmetic; the benchmark's ansatz section measures both plans.
    /// </summary>
    public static double PassCost(int blockQubits, int numQubits) =>
        Math.Max(1.0, (1 << blockQubits) / (numQubits >= FusedCircuit.TwoQubitFusionMinQubits ? 8.0 : 2.0));

    /// <summary>The plan's modelled cost (Σ <see cref="PassCost"/> over its blocks).</summary>
    public double ModelledCost => _blocks.Sum(b => PassCost(b.Qubits.Count, Circuit.NumQubits));

    public void Apply(StateVector state, ReadOnlySpan<double> parameters)
    {
        Circuit.RequireRegister(state);
        var target = new DoubleTarget(state);
        ApplyTo(ref target, parameters);
    }

    public void Apply(StateVectorSingle state, ReadOnlySpan<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.NumQubits != Circuit.NumQubits)
        {
            throw new ArgumentException($"The circuit has {Circuit.NumQubits} qubits; the state has {state.NumQubits}.", nameof(state));
        }

        var target = new SingleTarget(state);
        ApplyTo(ref target, parameters);
    }

    /// <summary>The block loop, generic over the state's precision so that the JIT specializes it for each.</summary>
    private void ApplyTo<TTarget>(ref TTarget state, ReadOnlySpan<double> parameters)
        where TTarget : struct, IPassTarget
    {
        Span<Complex> m = stackalloc Complex[256];
        Span<int> bits = stackalloc int[DenseKernel.MaxQubits];
        foreach (var block in _blocks)
        {
            var k = block.Build(parameters, m, bits, Circuit.NumQubits);
            switch (k)
            {
                case 1:
                    state.Apply1(block.Qubits[0], m[..4]);
                    break;
                case 2:
                    state.Apply2(block.Qubits[0], block.Qubits[1], m[..16]);
                    break;
                default:
                    state.ApplyDense(bits[..k], m[..(1 << (2 * k))]);
                    break;
            }
        }
    }

    /// <summary>Greedy: each gate joins the latest block among its qubits' blocks while that block stays within k qubits.</summary>
    private static Block[] Plan(Circuit circuit, int maxQubits)
    {
        var blocks = new List<Block>();
        var last = new int[circuit.NumQubits];
        Array.Fill(last, -1);
        foreach (var op in circuit.Ops)
        {
            if (op.Kind == GateKind.I)
            {
                continue;
            }

            ReadOnlySpan<int> qubits = op.Arity == 1 ? [op.Qubit0] : [op.Qubit0, op.Qubit1];
            var latest = -1;
            foreach (var q in qubits)
            {
                latest = Math.Max(latest, last[q]);
            }

            // Every earlier gate on these qubits is in a block up to 'latest', so the gate may run at that block's end.
            if (latest < 0 || blocks[latest].Union(qubits) > maxQubits)
            {
                blocks.Add(new Block());
                latest = blocks.Count - 1;
            }

            blocks[latest].Add(op, qubits);
            foreach (var q in qubits)
            {
                last[q] = latest;
            }
        }

        return [.. blocks];
    }

    private sealed class Block
    {
        public List<int> Qubits { get; } = [];

        public List<GateOp> Ops { get; } = [];

        public int Union(ReadOnlySpan<int> qubits)
        {
            var count = Qubits.Count;
            foreach (var q in qubits)
            {
                count += Qubits.Contains(q) ? 0 : 1;
            }

            return count;
        }

        public void Add(GateOp op, ReadOnlySpan<int> qubits)
        {
            foreach (var q in qubits)
            {
                if (!Qubits.Contains(q))
                {
                    Qubits.Add(q);
                }
            }

            Ops.Add(op);
        }

        /// <summary>The block's matrix (Qubits[0] the most significant index bit) and its index bits; returns k.</summary>
        public int Build(ReadOnlySpan<double> parameters, Span<Complex> m, Span<int> bits, int numQubits)
        {
            var k = Qubits.Count;
            var dim = 1 << k;
            MatrixMath.Identity(m[..(dim * dim)], dim);
            Span<Complex> g = stackalloc Complex[16];
            foreach (var op in Ops)
            {
                Gates.Matrix(op, parameters, g);
                var p0 = k - 1 - Qubits.IndexOf(op.Qubit0);
                var p1 = op.Arity == 2 ? k - 1 - Qubits.IndexOf(op.Qubit1) : -1;
                ApplyToColumns(m[..(dim * dim)], dim, p0, p1, g);
            }

            for (var j = 0; j < k; j++)
            {
                bits[j] = numQubits - 1 - Qubits[j];
            }

            return k;
        }

        /// <summary>m ← G·m for a gate on bit p0 (and p1; −1 for a one-qubit gate) of the block's index.</summary>
        private static void ApplyToColumns(Span<Complex> m, int dim, int p0, int p1, ReadOnlySpan<Complex> g)
        {
            var arity = p1 < 0 ? 1 : 2;
            var size = 1 << arity;
            var mask = (1 << p0) | (p1 < 0 ? 0 : 1 << p1);
            Span<int> rows = stackalloc int[4];
            Span<Complex> x = stackalloc Complex[4];
            for (var c = 0; c < dim; c++)
            {
                for (var r = 0; r < dim; r++)
                {
                    if ((r & mask) != 0)
                    {
                        continue;
                    }

                    for (var s = 0; s < size; s++)
                    {
                        var high = arity == 1 ? s & 1 : s >> 1;
                        rows[s] = r | (high << p0) | (arity == 2 ? (s & 1) << p1 : 0);
                        x[s] = m[rows[s] * dim + c];
                    }

                    for (var s = 0; s < size; s++)
                    {
                        var y = Complex.Zero;
                        for (var t = 0; t < size; t++)
                        {
                            y += g[s * size + t] * x[t];
                        }

                        m[rows[s] * dim + c] = y;
                    }
                }
            }
        }
    }
}
