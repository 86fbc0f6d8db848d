using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Statistics;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// The options the circuit spaces share (<see cref="LayerwiseSpaceOptions"/>, <see cref="GatewiseSpaceOptions"/>):
/// the register, its coupling map, the initial states a circuit may start from, and the sampled statistics. Not
/// abstract: the schema generator reads the defaults from an instance of the declaring type.
/// </summary>
public record CircuitSpaceOptions
{
    /// <summary>Register size.</summary>
    [Description("Register size.")]
    [Range(1, 24)]
    public required int Qubits { get; init; }

    /// <summary>The coupling map (see <see cref="CouplingMapOptions"/>); left out, a line.</summary>
    [SchemaFragment(CouplingMapOptions.Schema)]
    public JsonElement? Coupling { get; init; }

    /// <summary>States a circuit may start from (<see cref="Circuits.InitialStates"/>).</summary>
    [Description("States a circuit may start from: the task's own (|0...0> or e.g. Hartree-Fock), |+...+>, Neel |0101...>, or singlet dimers on the even bonds (0,1), (2,3), ...")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(Circuits.InitialStates.Reference, Circuits.InitialStates.Plus, Circuits.InitialStates.Neel, Circuits.InitialStates.Dimer)]
    public IReadOnlyList<string> InitialStates { get; init; } = [Circuits.InitialStates.Reference];

    /// <summary>Random states sampled per candidate for the statistics.</summary>
    [Description("Random states sampled for expressibility and entangling capability.")]
    [Range(2, 4096)]
    public int StatisticsSamples { get; init; } = CircuitStatistics.DefaultSamples;

    /// <summary>Whether the coupling map was left out (the space then reports that it chose a line).</summary>
    public bool CouplingLeftOut() => Coupling is null or { ValueKind: JsonValueKind.Null };
}
