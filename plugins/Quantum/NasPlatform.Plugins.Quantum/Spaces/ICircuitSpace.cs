using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Hardware;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// What an evaluator may ask of a circuit space before any trial (<see cref="SpaceTaskCheck"/>): the pairs its
/// two-qubit gates can act on, the initial states it offers, and which of its settings the experiment file left
/// to their defaults.
/// </summary>
public interface ICircuitSpace : ISearchSpace
{
    /// <summary>The space in words ("layer-wise"), for messages.</summary>
    string Kind { get; }

    /// <summary>The coupling map.</summary>
    CouplingMap Coupling { get; }

    /// <summary>The pairs (normalized, smaller qubit first) any candidate's two-qubit gates may act on.</summary>
    IReadOnlyCollection<QubitPair> EntanglerPairs { get; }

    /// <summary>The initial states candidates may start from (<see cref="Circuits.InitialStates"/>).</summary>
    IReadOnlyList<string> InitialStateChoices { get; }

    /// <summary>True when the experiment file left "coupling" out (the line was chosen for it).</summary>
    bool CouplingDefaulted { get; }

    /// <summary>True when the space's edge order was left to its default (always false for spaces without one).</summary>
    bool OrderDefaulted { get; }
}
