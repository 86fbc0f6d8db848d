using System.Text;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Plugins.Tabular.Nb201;

/// <summary>
/// One NAS-Bench-201 cell: a DAG of four nodes where every earlier node feeds every later one,
/// so six edges, each carrying one of five operations. Edge order follows the benchmark's cell
/// string: node1←0, node2←0, node2←1, node3←0, node3←1, node3←2.
/// </summary>
public sealed class Nb201Cell : IEquatable<Nb201Cell>
{
    /// <summary>The operations in the benchmark's order (also the one-hot order of the encoding).</summary>
    public static readonly IReadOnlyList<string> Operations =
        ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"];

    /// <summary>The edges as (from, to) node pairs, in cell-string order.</summary>
    public static readonly IReadOnlyList<(int From, int To)> Edges =
        [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)];

    /// <summary>Number of edges.</summary>
    public const int EdgeCount = 6;

    /// <summary>Name of the candidate JSON property that holds the edge operations.</summary>
    public const string EdgesProperty = "edges";

    private readonly int[] _ops;

    /// <summary>Creates a cell from operation indices into <see cref="Operations"/>, one per edge.</summary>
    public Nb201Cell(IReadOnlyList<int> operationIndices)
    {
        ArgumentNullException.ThrowIfNull(operationIndices);
        if (operationIndices.Count != EdgeCount)
        {
            throw new ArgumentException($"A NAS-Bench-201 cell has {EdgeCount} edges, got {operationIndices.Count}.", nameof(operationIndices));
        }

        foreach (var op in operationIndices)
        {
            if (op < 0 || op >= Operations.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(operationIndices), op, $"Operation index must be in 0..{Operations.Count - 1}.");
            }
        }

        _ops = operationIndices.ToArray();
    }

    /// <summary>Creates a cell from operation names, one per edge in cell-string order.</summary>
    public static Nb201Cell FromOperations(IReadOnlyList<string> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return new Nb201Cell(operations.Select(name =>
        {
            var index = IndexOf(name);
            return index >= 0 ? index : throw new ArgumentException($"Unknown operation '{name}'; expected one of {string.Join(", ", Operations)}.", nameof(operations));
        }).ToArray());
    }

    /// <summary>Operation index (into <see cref="Operations"/>) of each edge.</summary>
    public IReadOnlyList<int> OperationIndices => _ops;

    /// <summary>Operation name of each edge.</summary>
    public IReadOnlyList<string> OperationNames => _ops.Select(o => Operations[o]).ToArray();

    /// <summary>Operation index on the edge from node <paramref name="from"/> to node <paramref name="to"/>.</summary>
    public int OperationOn(int from, int to)
    {
        for (var e = 0; e < EdgeCount; e++)
        {
            if (Edges[e].From == from && Edges[e].To == to)
            {
                return _ops[e];
            }
        }

        throw new ArgumentOutOfRangeException(nameof(to), $"There is no edge {from}->{to} in a NAS-Bench-201 cell.");
    }

    /// <summary>Index of an operation name in <see cref="Operations"/>, or -1.</summary>
    public static int IndexOf(string? operation)
    {
        for (var i = 0; i < Operations.Count; i++)
        {
            if (string.Equals(Operations[i], operation, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The benchmark's cell string, e.g. <c>|nor_conv_3x3~0|+|none~0|skip_connect~1|+|...~0|...~1|...~2|</c>.</summary>
    public string ToCellString()
    {
        var text = new StringBuilder();
        var edge = 0;
        for (var node = 1; node <= 3; node++)
        {
            text.Append(node == 1 ? "|" : "+|");
            for (var from = 0; from < node; from++)
            {
                text.Append(Operations[_ops[edge++]]).Append('~').Append(from).Append('|');
            }
        }

        return text.ToString();
    }

    /// <summary>Parses the benchmark's cell string.</summary>
    /// <exception cref="FormatException">The text is not a NAS-Bench-201 cell string; the message says why.</exception>
    public static Nb201Cell ParseCellString(string text) =>
        TryParseCellString(text, out var cell, out var error) ? cell! : throw new FormatException(error);

    /// <summary>Parses the benchmark's cell string, reporting what is wrong instead of throwing.</summary>
    public static bool TryParseCellString(string? text, out Nb201Cell? cell, out string error)
    {
        cell = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the cell string is empty";
            return false;
        }

        var groups = text.Trim().Split('+');
        if (groups.Length != 3)
        {
            error = $"expected 3 node groups separated by '+', found {groups.Length} in '{text}'";
            return false;
        }

        var ops = new int[EdgeCount];
        var edge = 0;
        for (var node = 1; node <= 3; node++)
        {
            var group = groups[node - 1];
            if (group.Length < 2 || group[0] != '|' || group[^1] != '|')
            {
                error = $"node {node}'s group '{group}' must start and end with '|'";
                return false;
            }

            var tokens = group[1..^1].Split('|');
            if (tokens.Length != node)
            {
                error = $"node {node} must have {node} incoming edge(s) (|op~0|...|op~{node - 1}|), found {tokens.Length} in '{group}'";
                return false;
            }

            for (var from = 0; from < node; from++)
            {
                var parts = tokens[from].Split('~');
                if (parts.Length != 2 || parts[1] != from.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    error = $"node {node}'s edge {from + 1} must read 'op~{from}', found '{tokens[from]}'";
                    return false;
                }

                var op = IndexOf(parts[0]);
                if (op < 0)
                {
                    error = $"unknown operation '{parts[0]}' on edge {from}->{node}; expected one of {string.Join(", ", Operations)}";
                    return false;
                }

                ops[edge++] = op;
            }
        }

        cell = new Nb201Cell(ops);
        return true;
    }

    /// <summary>The cell as a candidate: <c>{"edges":["op", ...]}</c> in cell-string edge order.</summary>
    public Candidate ToCandidate() =>
        Candidate.From(new JObject { [EdgesProperty] = new JArray(_ops.Select(o => Operations[o])) });

    /// <summary>Reads a candidate of the nas-bench-201 space.</summary>
    /// <exception cref="ArgumentException">The candidate is not a valid cell; the message lists every problem.</exception>
    public static Nb201Cell FromCandidate(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var problems = new List<string>();
        var cell = Read(candidate, problems);
        return cell ?? throw new ArgumentException($"Candidate {candidate.Json} is not a NAS-Bench-201 cell: {string.Join("; ", problems)}.", nameof(candidate));
    }

    /// <summary>Every reason the candidate is not a valid cell; empty when it is one.</summary>
    public static IReadOnlyList<string> Problems(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var problems = new List<string>();
        Read(candidate, problems);
        return problems;
    }

    private static Nb201Cell? Read(Candidate candidate, List<string> problems)
    {
        if (candidate.ToJson() is not JObject obj)
        {
            problems.Add($"expected an object {{\"{EdgesProperty}\": [{EdgeCount} operation names]}}");
            return null;
        }

        foreach (var property in obj.Properties().Where(p => p.Name != EdgesProperty))
        {
            problems.Add($"unexpected property '{property.Name}' (only '{EdgesProperty}' is allowed)");
        }

        if (obj[EdgesProperty] is not JArray edges)
        {
            problems.Add($"'{EdgesProperty}' must be an array of {EdgeCount} operation names");
            return null;
        }

        if (edges.Count != EdgeCount)
        {
            problems.Add($"'{EdgesProperty}' must have {EdgeCount} entries (node1<-0, node2<-0, node2<-1, node3<-0, node3<-1, node3<-2), found {edges.Count}");
        }

        var ops = new int[edges.Count];
        for (var i = 0; i < edges.Count; i++)
        {
            var name = edges[i].Type == JTokenType.String ? edges[i].Value<string>() : null;
            ops[i] = IndexOf(name);
            if (ops[i] < 0)
            {
                problems.Add($"{EdgesProperty}[{i}]: unknown operation {edges[i].ToString(Newtonsoft.Json.Formatting.None)}; expected one of {string.Join(", ", Operations)}");
            }
        }

        return problems.Count == 0 ? new Nb201Cell(ops) : null;
    }

    /// <inheritdoc />
    public bool Equals(Nb201Cell? other) => other is not null && _ops.AsSpan().SequenceEqual(other._ops);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Nb201Cell);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var op in _ops)
        {
            hash = (hash * Operations.Count) + op;
        }

        return hash;
    }

    /// <inheritdoc />
    public override string ToString() => ToCellString();
}
