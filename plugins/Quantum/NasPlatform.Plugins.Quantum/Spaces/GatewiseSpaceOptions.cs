using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Quantum.Circuits;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>Options of the "gatewise" search space (<see cref="GatewiseSpace"/>).</summary>
public sealed record GatewiseSpaceOptions : CircuitSpaceOptions
{
    /// <summary>The default of <see cref="TwoQubitProbability"/>, shared with the space's constructor.</summary>
    public const double DefaultTwoQubitProbability = 0.3;

    /// <summary>Most gates in a circuit (G).</summary>
    [Description("Most gates in a circuit (G).")]
    [Range(1, 1024)]
    public int MaxGates { get; init; } = 32;

    /// <summary>Fewest gates in a circuit; at most <see cref="MaxGates"/> (checked when the space is made).</summary>
    [Description("Fewest gates in a circuit.")]
    [Range(1, 1024)]
    public int MinGates { get; init; } = 1;

    /// <summary>Rotations in the pool.</summary>
    [Description("Rotations in the pool.")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues("rx", "ry", "rz")]
    public IReadOnlyList<string> Rotations { get; init; } = [.. AnsatzGate.Rotations];

    /// <summary>Entanglers in the pool (on coupled pairs only); may be empty.</summary>
    [Description("Entanglers in the pool (on coupled pairs only): fixed (cnot, cz) or parameterized exp(-i t PP/2) (rzz, rxx, ryy), exp(-i t (XX+YY)/2) (xy) and exp(-i t (XX+YY+ZZ)/2) (exchange).")]
    [UniqueItems]
    [AllowedValues("cnot", "cz", "rzz", "rxx", "ryy", "xy", "exchange")]
    public IReadOnlyList<string> Entanglers { get; init; } = [.. AnsatzGate.Entanglers];

    /// <summary>Chance that a sampled gate is an entangler.</summary>
    [Description("Chance that a sampled gate is an entangler.")]
    [Range(0.0, 1.0)]
    public double TwoQubitProbability { get; init; } = DefaultTwoQubitProbability;
}
