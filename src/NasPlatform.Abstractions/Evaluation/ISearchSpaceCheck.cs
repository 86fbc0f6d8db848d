using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Abstractions.Evaluation;

/// <summary>
/// Optional for an evaluator: says, before any trial, what makes a search space a poor match for it (for
/// example a circuit space whose two-qubit gates never touch a pair of qubits the Hamiltonian couples). The
/// engine asks after building both components from an experiment file and reports every problem as a
/// configuration error at the search space's options, so the experiment does not start.
/// </summary>
public interface ISearchSpaceCheck
{
    /// <summary>Problems with searching <paramref name="space"/> for this evaluator, each saying how to fix it; empty when none.</summary>
    IReadOnlyList<string> CheckSearchSpace(ISearchSpace space);
}
