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
    [Description("Entangler choices per layer: fixed (cnot, cz) or parameterized exp(-i t PP/2) (rzz, rxx, ryy) and exp(-i t (XX+YY)/2) (xy).")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(LayerwiseArchitecture.None, "cnot", "cz", "rzz", "rxx", "ryy", "xy")]
    public IReadOnlyList<string> Entanglers { get; init; } = [LayerwiseArchitecture.None, .. AnsatzGate.Entanglers];

    /// <summary>Sharing choices per layer.</summary>
    [Description("Per layer: every gate its own angle, or shared (one angle per rotation kind and one for the entangler: a Hamiltonian-variational layer). A shared layer has one rotation on every qubit.")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(LayerwiseSpace.Independent, LayerwiseSpace.SharedChoice)]
    public IReadOnlyList<string> Sharing { get; init; } = [LayerwiseSpace.Independent];

    /// <summary>Edge order of the entanglers; left out, ring for the "ring" coupling and chain otherwise.</summary>
    [Description("Edge order of the entanglers: a spanning chain, or every coupled pair (closing a ring). Default: ring for the \"ring\" coupling, chain otherwise.")]
    [AllowedValues("chain", "ring")]
    public string? Order { get; init; }
}
