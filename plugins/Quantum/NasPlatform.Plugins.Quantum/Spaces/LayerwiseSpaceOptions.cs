using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Quantum.Circuits;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>Options of the "layerwise" search space (<see cref="LayerwiseSpace"/>).</summary>
public sealed record LayerwiseSpaceOptions : CircuitSpaceOptions
{
    /// <summary>Number of layers L.</summary>
    [Description("Number of layers L.")]
    [Range(1, 64)]
    public int Layers { get; init; } = 4;

    /// <summary>Rotation choices per layer and qubit.</summary>
    [Description("Rotation choices per layer and qubit.")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(LayerwiseArchitecture.None, "rx", "ry", "rz")]
    public IReadOnlyList<string> Rotations { get; init; } = [LayerwiseArchitecture.None, .. AnsatzGate.Rotations];

    /// <summary>Entangler choices per layer.</summary>
    [Description("Entangler choices per layer: fixed (cnot, cz) or parameterized exp(-i t PP/2) (rzz, rxx, ryy), exp(-i t (XX+YY)/2) (xy) and exp(-i t (XX+YY+ZZ)/2) (exchange).")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(LayerwiseArchitecture.None, "cnot", "cz", "rzz", "rxx", "ryy", "xy", "exchange")]
    public IReadOnlyList<string> Entanglers { get; init; } = [LayerwiseArchitecture.None, .. AnsatzGate.Entanglers];

    /// <summary>Sharing choices per layer.</summary>
    [Description("Per layer: every gate its own angle, or shared (one angle per rotation kind and one for the entangler: a Hamiltonian-variational layer). A shared layer has one rotation on every qubit.")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(LayerwiseSpace.Independent, LayerwiseSpace.SharedChoice)]
    public IReadOnlyList<string> Sharing { get; init; } = [LayerwiseSpace.Independent];

    /// <summary>Bond-pattern choices per layer (<see cref="LayerwiseLayer.Bonds"/>).</summary>
    [Description("Per layer: the entangler on every edge (all), or only on the edges at even or odd positions of the edge order (even, odd: with both, a brick wall of (0,1),(2,3),... and (1,2),(3,4),...).")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(LayerwiseLayer.AllBonds, LayerwiseLayer.EvenBonds, LayerwiseLayer.OddBonds)]
    public IReadOnlyList<string> Bonds { get; init; } = [LayerwiseLayer.AllBonds];

    /// <summary>Edge order of the entanglers; left out, ring for the "ring" coupling and chain otherwise.</summary>
    [Description("Edge order of the entanglers: a spanning chain, or every coupled pair (closing a ring). Default: ring for the \"ring\" coupling, chain otherwise.")]
    [AllowedValues("chain", "ring")]
    public string? Order { get; init; }
}
