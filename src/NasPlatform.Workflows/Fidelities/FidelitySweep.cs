using NasPlatform.Search.Constraints;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Workflows.Fidelities;

/// <summary>
/// The proxy check's strategy: samples a candidate and proposes it at every fidelity, cheapest
/// first, then the next candidate. It screens samples against the constraints on free statistics
/// and against its own earlier samples itself, exactly as the runner would, so the runner never
/// rejects one of its proposals and the planned fidelities of a candidate stay together.
/// </summary>
internal sealed class FidelitySweep : ISearchStrategy
{
    private const int MaxSamplesPerAsk = 1_000;

    private readonly ISearchSpace _space;
    private readonly IReadOnlyList<Constraint> _constraints;
    private readonly IReadOnlyList<string> _fidelities;
    private readonly HashSet<string> _sampled = new(StringComparer.Ordinal);
    private readonly Queue<TrialProposal> _planned = new();

    public FidelitySweep(ISearchSpace space, IReadOnlyList<Constraint> constraints, IReadOnlyList<string> fidelities)
    {
        _space = space;
        _constraints = constraints;
        _fidelities = fidelities;
    }

    public TrialProposal Ask(Random rng)
    {
        if (_planned.Count > 0)
        {
            return _planned.Dequeue();
        }

        var candidate = _space.Sample(rng);
        for (var attempt = 1; _sampled.Contains(candidate.Hash) || BreaksConstraint(candidate); attempt++)
        {
            if (attempt == MaxSamplesPerAsk)
            {
                // The runner rejects it and asks again; after its own limit it gives up with the explanation.
                return new TrialProposal(candidate, _fidelities[0]);
            }

            candidate = _space.Sample(rng);
        }

        _sampled.Add(candidate.Hash);
        foreach (var fidelity in _fidelities.Skip(1))
        {
            _planned.Enqueue(new TrialProposal(candidate, fidelity));
        }

        return new TrialProposal(candidate, _fidelities[0]);
    }

    public void Tell(TrialOutcome outcome)
    {
        // The sweep is fixed in advance; results only matter to the report.
    }

    private bool BreaksConstraint(Candidate candidate)
    {
        var statistics = _space.FreeStatistics(candidate);
        return _constraints.Any(c => statistics.TryGetValue(c.Quantity, out var value) && !c.IsSatisfiedBy(value));
    }
}
