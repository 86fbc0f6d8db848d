using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Search;

namespace NasPlatform.Testing.Contracts;

/// <summary>
/// Runs a strategy the way the engine's runner does, without a store: trial <c>n</c> is asked with
/// <c>new Random(SeedSequence.Derive(seed, n))</c>, a proposal the run already holds (same candidate and
/// fidelity) is refused and asked again with the same generator, up to <paramref name="workers"/> trials
/// are out at once and they are told in the order they were asked. A proposal the space refuses, or at a
/// fidelity the evaluator does not offer, fails the test at once. Outcomes come from
/// <see cref="ContractEvaluator"/>. Every call is kept in <see cref="Steps"/>, so a fresh strategy can be
/// rebuilt by <see cref="Replay"/>, as the engine resumes an experiment from its store.
/// </summary>
public sealed class StrategyDriver(
    ISearchStrategy strategy,
    ISearchSpace space,
    ObjectiveSet objectives,
    IReadOnlyList<Fidelity> fidelities,
    int seed,
    int workers,
    RecordingJournal journal,
    bool failAll = false)
{
    /// <summary>As the engine's ProposalSource: this many refused proposals in a row end the run.</summary>
    public const int MaxConsecutiveRejections = 10_000;

    private readonly HashSet<(string Hash, string Fidelity)> _known = [];
    private readonly Queue<TrialProposal> _running = new();
    private readonly Queue<int> _runningNumbers = new();
    private readonly List<StrategyStep> _steps = [];
    private int _nextNumber;

    public IReadOnlyList<StrategyStep> Steps => _steps;

    /// <summary>Every proposal accepted so far, in trial order.</summary>
    public IEnumerable<TrialProposal> Proposals => _steps.Where(s => s.IsAsk).Select(s => s.Proposal!);

    /// <summary>Asks and tells until <paramref name="trials"/> trials are told.</summary>
    public StrategyDriver RunUntil(int trials)
    {
        while (_nextNumber < trials || _running.Count > 0)
        {
            Step(trials);
        }

        return this;
    }

    /// <summary>Makes the next call: an Ask while fewer than the workers are out and trials are left, else a Tell.</summary>
    public void Step(int trials)
    {
        if (_running.Count < workers && _nextNumber < trials)
        {
            var number = _nextNumber++;
            var proposal = Ask(number);
            _running.Enqueue(proposal);
            _runningNumbers.Enqueue(number);
            _steps.Add(new StrategyStep(number, proposal, null));
            return;
        }

        var (told, toldNumber) = (_running.Dequeue(), _runningNumbers.Dequeue());
        var outcome = ContractEvaluator.Evaluate(space, objectives, fidelities, toldNumber, told.Candidate, FidelityOf(told), failAll);
        Tell(outcome);
    }

    /// <summary>
    /// Rebuilds this (fresh) driver's strategy from another run's first steps, as the engine resumes:
    /// every Ask again with its trial's generator, every stored outcome told again, in their order.
    /// </summary>
    /// <returns>The replayed Asks whose proposal differed from the stored one (empty for a deterministic strategy).</returns>
    public IReadOnlyList<string> Replay(IEnumerable<StrategyStep> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var mismatches = new List<string>();
        foreach (var step in stored)
        {
            if (!step.IsAsk)
            {
                _running.Dequeue();
                _runningNumbers.Dequeue();
                Tell(step.Outcome!);
                continue;
            }

            var again = Ask(step.Number);
            var storedProposal = step.Proposal!;
            if (!again.Candidate.Equals(storedProposal.Candidate) || FidelityOf(again) != FidelityOf(storedProposal))
            {
                _known.Remove((again.Candidate.Hash, FidelityOf(again)));
                mismatches.Add($"trial {step.Number}: stored {storedProposal.Candidate.Json} @ {FidelityOf(storedProposal)}, replayed {again.Candidate.Json} @ {FidelityOf(again)}");
            }

            // The stored proposal is what counts, as in the engine.
            _known.Add((storedProposal.Candidate.Hash, FidelityOf(storedProposal)));
            _running.Enqueue(storedProposal);
            _runningNumbers.Enqueue(step.Number);
            _nextNumber = step.Number + 1;
            _steps.Add(step);
        }

        return mismatches;
    }

    private TrialProposal Ask(int number)
    {
        var rng = new Random(SeedSequence.Derive(seed, number));
        for (var attempt = 0; attempt < MaxConsecutiveRejections; attempt++)
        {
            var proposal = strategy.Ask(rng) ?? throw new InvalidOperationException($"Ask for trial {number} returned null.");
            if (!_known.Add((proposal.Candidate.Hash, FidelityOf(proposal))))
                continue;

            // The engine would refuse both (an invalid candidate fails its trial, an unknown fidelity stops the run).
            var problems = space.Validate(proposal.Candidate);
            Assert.True(problems.Count == 0, $"trial {number}: the strategy proposed {proposal.Candidate.Json}, which the space refuses: {string.Join("; ", problems)}");
            Assert.True(fidelities.Any(f => f.Name == FidelityOf(proposal)),
                $"trial {number}: the strategy proposed fidelity '{proposal.Fidelity}'; the evaluator offers {string.Join(", ", fidelities.Select(f => f.Name))}");
            return proposal;
        }

        throw new InvalidOperationException($"The strategy proposed only candidates already evaluated, {MaxConsecutiveRejections} times in a row, for trial {number}.");
    }

    private void Tell(TrialOutcome outcome)
    {
        strategy.Tell(outcome);
        journal.Told++;
        _steps.Add(new StrategyStep(outcome.Number, null, outcome));
    }

    private string FidelityOf(TrialProposal proposal) => proposal.Fidelity ?? fidelities[^1].Name;
}
