using System.Globalization;
using System.Net;
using System.Text;
using NasPlatform.Plugins.Quantum.Circuits;

namespace NasPlatform.Plugins.Quantum.Views;

/// <summary>
/// Draws a circuit as an SVG diagram: one wire per qubit, gates packed into the earliest column
/// their qubits allow (a two-qubit gate also holds the wires between its qubits, which its line
/// crosses), rotations as boxes with their trained angle, CNOT as control dot and target ⊕, CZ as
/// two dots, RZZ/RXX/RYY as a box on each qubit joined by a line. A prepared initial state is written at
/// the start of the wires.
/// </summary>
public static class CircuitDiagram
{
    private const int Column = 56;
    private const int Row = 44;
    private const int Left = 44;
    private const int Top = 24;

    /// <summary>The diagram; <paramref name="angles"/> (one per trainable parameter) label the boxes when given.</summary>
    public static string Svg(AnsatzCircuit circuit, IReadOnlyList<double>? angles)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var columns = Schedule(circuit);
        var width = Left + (columns.Count == 0 ? 1 : columns.Max() + 1) * Column + 16;
        var height = Top + circuit.NumQubits * Row;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"))
            .Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"));
        for (var q = 0; q < circuit.NumQubits; q++)
        {
            svg.Append(Invariant($"<text x=\"4\" y=\"{Y(q) + 4}\">q{q}</text><line x1=\"{Left - 12}\" y1=\"{Y(q)}\" x2=\"{width - 8}\" y2=\"{Y(q)}\" stroke=\"#333\"/>"));
        }

        if (circuit.InitialState != InitialStates.Reference)
        {
            svg.Append(Invariant($"<text x=\"{Left - 10}\" y=\"{Top - 10}\" font-size=\"9\">from {circuit.InitialState}</text>"));
        }

        for (var i = 0; i < circuit.Gates.Count; i++)
        {
            var gate = circuit.Gates[i];
            var x = Left + columns[i] * Column + Column / 2;
            if (gate.IsParameterized)
            {
                var parameter = circuit.ParameterOf(i);
                var angle = angles is not null && parameter < angles.Count ? Invariant($"{angles[parameter]:F2}") : $"θ{parameter}";
                if (gate.IsTwoQubit)
                {
                    svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{Y(gate.Qubit0)}\" x2=\"{x}\" y2=\"{Y(gate.Qubit1)}\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/>"))
                        .Append(Box(x, Y(gate.Qubit1), gate.Name, angle));
                }

                svg.Append(Box(x, Y(gate.Qubit0), gate.Name, angle));
            }
            else
            {
                svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{Y(gate.Qubit0)}\" x2=\"{x}\" y2=\"{Y(gate.Qubit1)}\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/>"))
                    .Append(Dot(x, Y(gate.Qubit0)))
                    .Append(gate.Name == "cnot"
                        ? Invariant($"<circle cx=\"{x}\" cy=\"{Y(gate.Qubit1)}\" r=\"9\" fill=\"white\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/><line x1=\"{x - 9}\" y1=\"{Y(gate.Qubit1)}\" x2=\"{x + 9}\" y2=\"{Y(gate.Qubit1)}\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/><line x1=\"{x}\" y1=\"{Y(gate.Qubit1) - 9}\" x2=\"{x}\" y2=\"{Y(gate.Qubit1) + 9}\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/>")
                        : Dot(x, Y(gate.Qubit1)));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The column of each gate: the earliest after every earlier gate on the wires it occupies.</summary>
    public static IReadOnlyList<int> Schedule(AnsatzCircuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var free = new int[circuit.NumQubits];
        var columns = new List<int>(circuit.Gates.Count);
        foreach (var gate in circuit.Gates)
        {
            var low = gate.IsTwoQubit ? Math.Min(gate.Qubit0, gate.Qubit1) : gate.Qubit0;
            var high = gate.IsTwoQubit ? Math.Max(gate.Qubit0, gate.Qubit1) : gate.Qubit0;
            var column = 0;
            for (var q = low; q <= high; q++)
            {
                column = Math.Max(column, free[q]);
            }

            for (var q = low; q <= high; q++)
            {
                free[q] = column + 1;
            }

            columns.Add(column);
        }

        return columns;
    }

    private static int Y(int qubit) => Top + qubit * Row;

    private static string Box(int x, int y, string name, string angle) =>
        Invariant($"<rect x=\"{x - 22}\" y=\"{y - 15}\" width=\"44\" height=\"30\" rx=\"3\" fill=\"#e8f0fb\" stroke=\"#1f3a5f\"/>")
        + Invariant($"<text x=\"{x}\" y=\"{y - 2}\" text-anchor=\"middle\" font-weight=\"bold\">{name.ToUpperInvariant()}</text>")
        + Invariant($"<text x=\"{x}\" y=\"{y + 11}\" text-anchor=\"middle\" font-size=\"9\">{WebUtility.HtmlEncode(angle)}</text>");

    private static string Dot(int x, int y) => Invariant($"<circle cx=\"{x}\" cy=\"{y}\" r=\"4\" fill=\"#1f3a5f\"/>");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
