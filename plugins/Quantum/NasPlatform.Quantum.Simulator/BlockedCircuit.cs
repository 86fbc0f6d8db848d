using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// Cache blocking: the circuit cut into blocks whose gates all act within one set of <c>c</c> index bits, each block
/// run chunk by chunk. A chunk is the 2^c amplitudes that share the values of the other n − c bits; it is gathered
/// into a small c-qubit state that stays in the core's cache, every gate of the block is applied to it there (as a
/// fused plan), and it is scattered back. So a block costs one read and one write of the state however many gates it
/// holds, where the plain plan makes one pass per fused gate. The bit set of a block always holds the lowest index
/// bits, so a chunk is made of runs of at least 2^<c>minRunBits</c> contiguous amplitudes, which stream like one pass.
/// </summary>
internal sealed partial class BlockedCircuit
{
    private readonly Block[] _blocks;

    public BlockedCircuit(Circuit circuit, int chunkQubits, int minRunBits)
    {
        if (chunkQubits >= circuit.NumQubits || minRunBits < 0 || minRunBits > chunkQubits - 2)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkQubits), $"Blocking {circuit.NumQubits} qubits into chunks of {chunkQubits} with runs of {minRunBits} bits.");
        }

        NumQubits = circuit.NumQubits;
        ChunkQubits = chunkQubits;
        _blocks = Plan(circuit, chunkQubits, chunkQubits - minRunBits);
    }

    public int NumQubits { get; }

    /// <summary>Qubits of a chunk (c).</summary>
    public int ChunkQubits { get; }

    /// <summary>Passes over the whole state (one gather and scatter per block).</summary>
    public int PassCount => _blocks.Length;

    /// <summary>Gate passes over the chunks, summed over the blocks (the work done in cache).</summary>
    public int InnerPassCount => _blocks.Sum(b => b.Plan.StepCount);

    public void Apply(StateVector state, ReadOnlySpan<double> parameters)
    {
        var parts = Parts(state.MaxDegreeOfParallelism);
        var buffers = new StateVector[parts];
        for (var p = 0; p < parts; p++)
        {
            buffers[p] = new StateVector(ChunkQubits) { MaxDegreeOfParallelism = 1 };
        }

        foreach (var block in _blocks)
        {
            var bound = block.Plan.Bind(parameters);
            Run(parts, part =>
            {
                var buffer = buffers[part];
                var target = new DoubleTarget(buffer);
                RunChunks(state.Re, state.Im, buffer.Re, buffer.Im, ref target, block, bound, part, parts);
            });
        }
    }

    public void Apply(StateVectorSingle state, ReadOnlySpan<double> parameters)
    {
        var parts = 1; // complex64 passes run on one thread, as StateVectorSingle's own do
        var buffers = new StateVectorSingle[parts];
        for (var p = 0; p < parts; p++)
        {
            buffers[p] = new StateVectorSingle(ChunkQubits);
        }

        foreach (var block in _blocks)
        {
            var bound = block.Plan.Bind(parameters);
            Run(parts, part =>
            {
                var buffer = buffers[part];
                var target = new SingleTarget(buffer);
                RunChunks(state.Re, state.Im, buffer.Re, buffer.Im, ref target, block, bound, part, parts);
            });
        }
    }

    private int Parts(int threads) =>
        NumQubits >= StateVector.ParallelMinQubits ? Math.Clamp(threads, 1, 1 << (NumQubits - ChunkQubits)) : 1;

    private static void Run(int parts, Action<int> body)
    {
        if (parts == 1)
        {
            body(0);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, body);
    }

    /// <summary>Chunks [part·K/parts, (part+1)·K/parts) of the block: gather, run the bound passes in cache, scatter.</summary>
    private void RunChunks<T, TTarget>(T[] re, T[] im, T[] bufferRe, T[] bufferIm, ref TTarget target, Block block, BoundPass[] bound, int part, int parts)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTarget : struct, IPassTarget
    {
        var chunks = 1 << (NumQubits - ChunkQubits);
        var (from, to) = ((int)((long)chunks * part / parts), (int)((long)chunks * (part + 1) / parts));
        var runEnds = TileRuns<T>(bound);
        var runLength = 1 << block.RunBits;
        var runs = 1 << (ChunkQubits - block.RunBits);
        for (var k = from; k < to; k++)
        {
            var chunkBase = Deposit(k, block.OtherMask);
            for (var h = 0; h < runs; h++)
            {
                var start = chunkBase | Deposit(h, block.RunMask);
                Array.Copy(re, start, bufferRe, h << block.RunBits, runLength);
                Array.Copy(im, start, bufferIm, h << block.RunBits, runLength);
            }

            ApplyTiled(ref target, bufferRe, bufferIm, bound, runEnds);
            for (var h = 0; h < runs; h++)
            {
                var start = chunkBase | Deposit(h, block.RunMask);
                Array.Copy(bufferRe, h << block.RunBits, re, start, runLength);
                Array.Copy(bufferIm, h << block.RunBits, im, start, runLength);
            }
        }
    }

    /// <summary>Qubits of an L1 tile: 16 KiB of amplitudes (2^10 in complex128, 2^11 in complex64).</summary>
    private static int TileBits<T>() => 13 - BitOperations.Log2((uint)Unsafe.SizeOf<T>());

    /// <summary>
    /// Runs the bound passes on a chunk. A run of consecutive passes that the cache kernels can do tile by tile (real
    /// 2×2 on bits below <see cref="TileBits{T}"/>, in-lane bits included, and every controlled phase) goes through the chunk one L1-sized tile at a
    /// time, every pass of the run on a tile before the next tile: the chunk sits in L2, whose bandwidth, not the
    /// arithmetic, limits a pass. Every other pass runs over the whole chunk.
    /// </summary>
    private void ApplyTiled<T, TTarget>(ref TTarget target, T[] re, T[] im, BoundPass[] bound, int[] runEnds)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTarget : struct, IPassTarget
    {
        var tileBits = TileBits<T>();
        var i = 0;
        while (i < bound.Length)
        {
            var end = runEnds[i];
            if (end <= i + 1)
            {
                FusedCircuit.ApplyPass(ref target, bound[i]);
                i++;
                continue;
            }

            for (var offset = 0; offset < 1 << ChunkQubits; offset += 1 << tileBits)
            {
                for (var p = i; p < end; p++)
                {
                    ApplyOnTile(re, im, bound[p], tileBits, offset);
                }
            }

            i = end;
        }
    }

    /// <summary>One tileable pass on the tile of 2^tileBits amplitudes at <paramref name="offset"/> (chunk index bits).</summary>
    private void ApplyOnTile<T>(T[] re, T[] im, BoundPass pass, int tileBits, int offset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var laneBits = 5 - BitOperations.Log2((uint)Unsafe.SizeOf<T>());
        if (pass.Kind == PassKind.OneReal)
        {
            var bit = ChunkQubits - 1 - pass.Qubit0;
            if (bit < laneBits)
            {
                CacheKernels.Real1InLane(re, im, tileBits, bit, pass.Matrix, offset);
            }
            else
            {
                CacheKernels.TryReal1(re, im, tileBits, bit, pass.Matrix, offset);
            }

            return;
        }

        // A controlled phase: bits above the tile are the same for the whole tile (they are in the offset).
        var mask = (1 << (ChunkQubits - 1 - pass.Qubit0)) | (1 << (ChunkQubits - 1 - pass.Qubit1));
        var above = mask & ~((1 << tileBits) - 1);
        if ((offset & above) == above)
        {
            CacheKernels.PhaseWhere(re, im, tileBits, mask & ((1 << tileBits) - 1), pass.Matrix[3], offset);
        }
    }

    /// <summary>For each pass, the end of the run of tileable passes it starts (−1 where it cannot go tile by tile).</summary>
    private int[] TileRuns<T>(BoundPass[] bound)
    {
        var tileBits = TileBits<T>();
        bool Tileable(BoundPass pass) => tileBits < ChunkQubits && pass.Kind switch
        {
            PassKind.OneReal => ChunkQubits - 1 - pass.Qubit0 < tileBits,
            PassKind.ControlledPhase => true,
            _ => false,
        };

        var ends = new int[bound.Length];
        for (var i = bound.Length - 1; i >= 0; i--)
        {
            ends[i] = !Tileable(bound[i]) ? -1 : i + 1 < bound.Length && ends[i + 1] > 0 ? ends[i + 1] : i + 1;
        }

        return ends;
    }

    /// <summary>The bits of <paramref name="value"/> placed, lowest first, on the set bits of <paramref name="mask"/> (BMI2 pdep).</summary>
    internal static int Deposit(int value, uint mask)
    {
        if (Bmi2.IsSupported)
        {
            return (int)Bmi2.ParallelBitDeposit((uint)value, mask);
        }

        var result = 0u;
        for (var bit = 0; mask != 0; bit++)
        {
            var lowest = mask & (uint)-(int)mask;
            if (((value >> bit) & 1) != 0)
            {
                result |= lowest;
            }

            mask ^= lowest;
        }

        return (int)result;
    }

    /// <summary>
    /// One block: its plan on the chunk's c qubits (chunk bit j is state bit <c>Bits[j]</c>), the run length (state bits
    /// 0..RunBits−1 are chunk bits 0..RunBits−1), the state bits that start each run (<c>RunMask</c>) and those that number the chunks.
    /// </summary>
    private sealed record Block(int[] Bits, int RunBits, uint RunMask, uint OtherMask, FusedCircuit Plan);
}
