using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces;

/// <summary>The quantum spaces the tests check, by name: both kinds on several coupling maps, with and without the variational options.</summary>
internal static class QuantumTestSpaces
{
    public static IReadOnlyList<string> Names { get; } =
        ["layerwise-line", "layerwise-ring-order-grid", "layerwise-variational-ring", "gatewise-line", "gatewise-grid", "gatewise-tiny", "gatewise-variational"];

    public static (ISearchSpace Space, CouplingMap Coupling) Build(string name)
    {
        switch (name)
        {
            case "layerwise-line":
                var line = CouplingMap.Line(6);
                return (new LayerwiseSpace(line, 4, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz"]), line);
            case "layerwise-ring-order-grid":
                var grid = CouplingMap.Grid(2, 3);
                return (new LayerwiseSpace(grid, 3, ["ry", "rz"], ["cnot", "cz"], ring: true), grid);
            case "layerwise-variational-ring":
                var ring = CouplingMap.Ring(5);
                return (new LayerwiseSpace(ring, 4, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz", "rzz", "rxx", "ryy", "xy"], ring: true,
                    sharing: ["independent", "shared"], initialStates: ["reference", "plus", "neel"]), ring);
            case "gatewise-variational":
                var gring = CouplingMap.Ring(4);
                return (new GatewiseSpace(gring, 10, 2, ["rx", "ry"], ["cnot", "rzz", "rxx", "ryy", "xy"], 0.5, initialStates: ["reference", "plus", "neel"]), gring);
            case "gatewise-line":
                var gline = CouplingMap.Line(6);
                return (new GatewiseSpace(gline, 20, 1, ["rx", "ry", "rz"], ["cnot", "cz"], 0.4), gline);
            case "gatewise-grid":
                var ggrid = CouplingMap.Grid(3, 3);
                return (new GatewiseSpace(ggrid, 12, 4, ["ry"], ["cnot"], 0.5), ggrid);
            case "gatewise-tiny":
                var tiny = CouplingMap.Line(2);
                return (new GatewiseSpace(tiny, 2, 2, ["ry"], ["cz"], 0.5), tiny);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "not a test space");
        }
    }
}
