using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Search;

namespace NasPlatform.Plugins.Quantum.Hardware;

/// <summary>
/// Which qubit pairs a device can couple: two-qubit gates are allowed only on these pairs (in either
/// direction). Always connected, without self-loops. Besides the edge set it fixes two orders in which
/// layer-wise entanglers walk the edges:
/// <list type="bullet">
/// <item><see cref="ChainOrder"/>: the tree edges of a depth-first search from qubit 0 (neighbours in
/// ascending order), parent first. For a line or ring that is (0,1), (1,2), …, (n−2,n−1); for a grid a
/// snake through the rows.</item>
/// <item><see cref="RingOrder"/>: the chain, then every remaining edge from the later-discovered qubit to
/// the earlier one: for a ring the closing (n−1,0); for a line the same as the chain.</item>
/// </list>
/// </summary>
public sealed class CouplingMap
{
    private readonly HashSet<QubitPair> _edgeSet;

    private CouplingMap(int numQubits, string kind, IReadOnlyList<QubitPair> edges, IReadOnlyList<QubitPair> chain, IReadOnlyList<QubitPair> ring)
    {
        NumQubits = numQubits;
        Kind = kind;
        Edges = edges;
        ChainOrder = chain;
        RingOrder = ring;
        _edgeSet = [.. edges];
    }

    /// <summary>Number of qubits.</summary>
    public int NumQubits { get; }

    /// <summary>"line", "ring", "grid 2x4", "full" or "edges": for messages.</summary>
    public string Kind { get; }

    /// <summary>The undirected edges, each with the smaller qubit first, sorted.</summary>
    public IReadOnlyList<QubitPair> Edges { get; }

    /// <summary>Spanning-tree edges in depth-first order (see the class summary).</summary>
    public IReadOnlyList<QubitPair> ChainOrder { get; }

    /// <summary>Every edge: the chain, then the others (see the class summary).</summary>
    public IReadOnlyList<QubitPair> RingOrder { get; }

    /// <summary>True when a two-qubit gate may act on <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    public bool AreCoupled(int a, int b) => a != b && _edgeSet.Contains(new QubitPair(a, b).Normalized);

    /// <summary>Qubits 0-1-2-…-(n−1).</summary>
    public static CouplingMap Line(int numQubits) =>
        Create(numQubits, "line", Enumerable.Range(0, Math.Max(numQubits - 1, 0)).Select(q => new QubitPair(q, q + 1)));

    /// <summary>A line closed by (n−1, 0).</summary>
    public static CouplingMap Ring(int numQubits) =>
        Create(numQubits, "ring", Enumerable.Range(0, numQubits).Select(q => new QubitPair(q, (q + 1) % numQubits)).Where(p => p.First != p.Second));

    /// <summary>Every pair coupled.</summary>
    public static CouplingMap Full(int numQubits) =>
        Create(numQubits, "full", from a in Enumerable.Range(0, numQubits) from b in Enumerable.Range(a + 1, Math.Max(numQubits - a - 1, 0)) select new QubitPair(a, b));

    /// <summary>A rows×cols grid, qubit r·cols + c, coupled to its horizontal and vertical neighbours.</summary>
    public static CouplingMap Grid(int rows, int cols)
    {
        if (rows < 1 || cols < 1)
        {
            throw new CouplingMapException($"A grid needs at least one row and one column (got {rows}x{cols}).");
        }

        var edges = new List<QubitPair>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var q = r * cols + c;
                if (c + 1 < cols)
                {
                    edges.Add(new QubitPair(q, q + 1));
                }

                if (r + 1 < rows)
                {
                    edges.Add(new QubitPair(q, q + cols));
                }
            }
        }

        return Create(rows * cols, $"grid {rows}x{cols}", edges);
    }

    /// <summary>An explicit edge list. Duplicates (in either order) count once.</summary>
    /// <exception cref="CouplingMapException">A qubit is out of range, an edge is a self-loop, or the map is disconnected.</exception>
    public static CouplingMap FromEdges(int numQubits, IEnumerable<QubitPair> edges) => Create(numQubits, "edges", edges);

    private static CouplingMap Create(int numQubits, string kind, IEnumerable<QubitPair> edges)
    {
        if (numQubits < 1)
        {
            throw new CouplingMapException($"A coupling map needs at least one qubit (got {numQubits}).");
        }

        var graph = new UndirectedGraph<int, SUndirectedEdge<int>>(allowParallelEdges: false);
        graph.AddVertexRange(Enumerable.Range(0, numQubits));
        var index = 0;
        var normalized = new SortedSet<QubitPair>(Comparer<QubitPair>.Create((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second)));
        foreach (var edge in edges)
        {
            if (edge.First < 0 || edge.First >= numQubits || edge.Second < 0 || edge.Second >= numQubits)
            {
                throw new CouplingMapException($"Edge {index} {edge} names a qubit outside 0..{numQubits - 1}; use qubit indices below the register size {numQubits}.");
            }

            if (edge.First == edge.Second)
            {
                throw new CouplingMapException($"Edge {index} {edge} couples qubit {edge.First} to itself; remove the self-loop.");
            }

            normalized.Add(edge.Normalized);
            index++;
        }

        foreach (var edge in normalized)
        {
            graph.AddEdge(new SUndirectedEdge<int>(edge.First, edge.Second));
        }

        var components = new Dictionary<int, int>();
        var componentCount = graph.ConnectedComponents(components);
        if (componentCount > 1)
        {
            var groups = components.GroupBy(p => p.Value).OrderBy(g => g.Min(p => p.Key))
                .Select(g => "{" + string.Join(",", g.Select(p => p.Key).Order()) + "}");
            throw new CouplingMapException(
                $"The coupling map is disconnected: {componentCount} separate groups of qubits {string.Join(" ", groups)}. Add edges that join them, since every qubit must be reachable by two-qubit gates.");
        }

        var (chain, ring) = WalkOrders(graph, normalized);
        return new CouplingMap(numQubits, kind, normalized.ToList(), chain, ring);
    }

    private static (List<QubitPair> Chain, List<QubitPair> Ring) WalkOrders(UndirectedGraph<int, SUndirectedEdge<int>> graph, IEnumerable<QubitPair> edges)
    {
        var chain = new List<QubitPair>();
        var discovered = new Dictionary<int, int>();
        // Edges are added sorted, so adjacency lists are ascending and the walk is deterministic.
        var search = new UndirectedDepthFirstSearchAlgorithm<int, SUndirectedEdge<int>>(graph);
        search.DiscoverVertex += v => discovered[v] = discovered.Count;
        search.TreeEdge += (_, args) => chain.Add(new QubitPair(args.Source, args.Target));
        search.Compute(0);

        var tree = chain.Select(p => p.Normalized).ToHashSet();
        var ring = new List<QubitPair>(chain);
        foreach (var edge in edges.Where(e => !tree.Contains(e)))
        {
            ring.Add(discovered[edge.First] > discovered[edge.Second] ? edge : new QubitPair(edge.Second, edge.First));
        }

        return (chain, ring);
    }
}
