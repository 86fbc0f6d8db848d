using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// Checks a circuit space against the task its circuits are trained on, before any trial:
/// <list type="bullet">
/// <item>A VQE Hamiltonian made of one- and two-qubit terms (a spin model) couples pairs of qubits; when the
/// space's two-qubit gates never act on such a pair because a setting was left to its default (the line
/// coupling, or the chain order on a coupling map that has the pair), that is an error naming the setting to
/// give, so a periodic model does not silently get an open chain of entanglers. A coupling or order given
/// explicitly is respected (a device without that link). Hamiltonians with longer terms (fermions mapped to
/// qubits) are not checked: they couple most pairs and a line is a fair default for them.</item>
/// <item>The initial states plus and neel are prepared from |0…0⟩: a space offering them needs a VQE task
/// whose own initial state is |0…0⟩.</item>
/// </list>
/// </summary>
public static class SpaceTaskCheck
{
    /// <summary>The problems, each saying which option to set; empty when the space suits the task.</summary>
    public static IReadOnlyList<string> Check(ICircuitSpace space, IVariationalTask task)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(task);
        var problems = new List<string>();
        var prepared = space.InitialStateChoices.Where(s => s != InitialStates.Reference).ToList();
        if (prepared.Count > 0 && task is not VqeTask)
        {
            problems.Add($"\"initialStates\" offers {string.Join(", ", prepared)}, which only the vqe task uses; offer only \"{InitialStates.Reference}\"");
        }

        if (task is not VqeTask vqe)
        {
            return problems;
        }

        if (prepared.Count > 0 && InitialStateProblem(vqe.Problem, string.Join(" and ", prepared)) is { } stateProblem)
        {
            problems.Add(stateProblem);
        }

        var missing = CoupledPairs(vqe.Problem.Hamiltonian).Where(p => !space.EntanglerPairs.Contains(p)).ToList();
        if (missing.Count == 0)
        {
            return problems;
        }

        var pairs = string.Join(", ", missing.Take(6).Select(p => $"{p.First}-{p.Second}")) + (missing.Count > 6 ? $" and {missing.Count - 6} more" : string.Empty);
        if (space.CouplingDefaulted)
        {
            var ring = CouplingMap.Ring(space.Coupling.NumQubits);
            var fix = missing.All(p => ring.AreCoupled(p.First, p.Second))
                ? "set \"coupling\": \"ring\""
                : "set \"coupling\" to \"full\" or to {\"edges\": [...]} with these pairs";
            problems.Add($"the Hamiltonian ({vqe.Problem.Description}) couples qubits {pairs}, but \"coupling\" was left out, so two-qubit gates act only along a line and never on those pairs; {fix} (or \"coupling\": \"line\" to keep the line on purpose)");
        }
        else if (space.OrderDefaulted && missing.Any(p => space.Coupling.AreCoupled(p.First, p.Second)))
        {
            problems.Add($"the Hamiltonian ({vqe.Problem.Description}) couples qubits {pairs}, which the {space.Coupling.Kind} coupling map couples but the entanglers' default chain order skips; set \"order\": \"ring\" to entangle every coupled pair (or \"order\": \"chain\" to keep the chain on purpose)");
        }

        return problems;
    }

    /// <summary>Why a circuit starting from <paramref name="initialState"/> cannot run on this problem, or null when it can.</summary>
    public static string? InitialStateProblem(VqeProblem problem, string initialState)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.InitialState is { } reference && reference.Contains('1', StringComparison.Ordinal)
            ? $"the initial state {initialState} is prepared from |0...0>, but the vqe task starts from {reference} (its \"initialState\", or the model's Hartree-Fock state); offer only \"{InitialStates.Reference}\" in \"initialStates\" or leave the task's \"initialState\" out"
            : null;
    }

    /// <summary>The pairs of qubits the Hamiltonian's two-qubit terms act on (normalized, ascending), when it has no longer terms; else none.</summary>
    public static IReadOnlyList<QubitPair> CoupledPairs(PauliSum hamiltonian)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        if (hamiltonian.Terms.Any(t => t.Pauli.Weight > 2))
        {
            return [];
        }

        var pairs = new SortedSet<(int, int)>();
        foreach (var term in hamiltonian.Terms.Where(t => t.Pauli.Weight == 2 && t.Coefficient != 0))
        {
            var support = term.Pauli.XMask | term.Pauli.ZMask;
            var first = System.Numerics.BitOperations.TrailingZeroCount(support);
            var second = System.Numerics.BitOperations.TrailingZeroCount(support & (support - 1));
            pairs.Add((first, second));
        }

        return pairs.Select(p => new QubitPair(p.Item1, p.Item2)).ToList();
    }
}
