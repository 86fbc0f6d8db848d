namespace NasPlatform.Quantum.Simulator;

internal sealed partial class BlockedCircuit
{
    /// <summary>
    /// Cuts the gate list into blocks, greedily: a block takes every gate, in order, whose index bits fit its bit set
    /// (the lowest bits plus at most <paramref name="maxHighBits"/> others, chosen as gates arrive) and that commutes
    /// with every gate left for later blocks on its qubits (gates on other qubits commute; diagonal gates commute with
    /// each other). The rest, in their order, make the next blocks.
    /// </summary>
    private static Block[] Plan(Circuit circuit, int chunkQubits, int maxHighBits)
    {
        var n = circuit.NumQubits;
        var alwaysLow = chunkQubits - maxHighBits;
        var remaining = circuit.Ops.Where(op => op.Kind != GateKind.I).ToList();
        var blocks = new List<Block>();
        while (remaining.Count > 0)
        {
            var high = new SortedSet<int>();
            var taken = new List<GateOp>();
            var deferred = new List<GateOp>();
            var waitingAny = new bool[n];
            var waitingDense = new bool[n];
            foreach (var op in remaining)
            {
                var diagonal = IsDiagonal(op.Kind);
                var qubits = op.Arity == 1 ? [op.Qubit0] : new[] { op.Qubit0, op.Qubit1 };
                var free = qubits.All(q => !(diagonal ? waitingDense[q] : waitingAny[q]));
                if (free)
                {
                    var needed = qubits.Select(q => n - 1 - q).Where(b => b >= alwaysLow && !high.Contains(b)).Distinct().ToArray();
                    if (high.Count + needed.Length <= maxHighBits)
                    {
                        high.UnionWith(needed);
                        taken.Add(op);
                        continue;
                    }
                }

                deferred.Add(op);
                foreach (var q in qubits)
                {
                    waitingAny[q] = true;
                    waitingDense[q] |= !diagonal;
                }
            }

            blocks.Add(MakeBlock(n, chunkQubits, high, taken));
            remaining = deferred;
        }

        return [.. blocks];
    }

    /// <summary>Gates whose matrices are diagonal (so any two of them commute).</summary>
    internal static bool IsDiagonal(GateKind kind) => kind is GateKind.Z or GateKind.S or GateKind.Sdg or GateKind.T or GateKind.Tdg
        or GateKind.RZ or GateKind.P or GateKind.CZ or GateKind.CRZ or GateKind.RZZ;

    private static Block MakeBlock(int n, int chunkQubits, SortedSet<int> high, List<GateOp> ops)
    {
        var bits = new SortedSet<int>(high);
        for (var b = 0; bits.Count < chunkQubits; b++)
        {
            bits.Add(b);
        }

        var sorted = bits.ToArray();
        var runBits = 0;
        while (runBits < sorted.Length && sorted[runBits] == runBits)
        {
            runBits++;
        }

        var runMask = sorted.Skip(runBits).Aggregate(0u, (m, b) => m | (1u << b));
        var otherMask = Enumerable.Range(0, n).Where(b => !bits.Contains(b)).Aggregate(0u, (m, b) => m | (1u << b));
        var chunkBit = new Dictionary<int, int>();
        for (var j = 0; j < sorted.Length; j++)
        {
            chunkBit[sorted[j]] = j;
        }

        int Map(int qubit) => qubit < 0 ? -1 : chunkQubits - 1 - chunkBit[n - 1 - qubit];
        var sub = new Circuit(chunkQubits);
        foreach (var op in ops)
        {
            sub.Add(op with { Qubit0 = Map(op.Qubit0), Qubit1 = Map(op.Qubit1) });
        }

        return new Block(sorted, runBits, runMask, otherMask, sub.Fuse(intoTwoQubitGates: false));
    }
}
