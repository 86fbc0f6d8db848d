namespace NasPlatform.Abstractions.Search;

/// <summary>
/// A search strategy in ask/tell form (as in Optuna). The engine calls <see cref="Ask"/> when a
/// worker is free and <see cref="Tell"/> when a trial ends, always from one thread.
/// A strategy keeps no random state of its own: each <see cref="Ask"/> gets a generator derived
/// from the experiment seed and the trial number, so replaying the stored outcomes through
/// <see cref="Tell"/> rebuilds the strategy exactly when an experiment is resumed.
/// </summary>
public interface ISearchStrategy
{
    /// <summary>Proposes the next candidate. May be called again with the same generator when
    /// the engine rejects a proposal (a constraint on free statistics, or a duplicate).</summary>
    TrialProposal Ask(Random rng);

    /// <summary>Receives a finished trial, in the order trials finish.</summary>
    void Tell(TrialOutcome outcome);

    /// <summary>
    /// True once the strategy has nothing more to propose (a sequential method such as ADAPT-VQE that has
    /// converged, or a fixed candidate list that is spent): the engine starts no further trial and the
    /// experiment completes with the trials it has, whatever budget is left. Default: never.
    /// </summary>
    bool IsFinished => false;

    /// <summary>
    /// True while the strategy cannot propose before a running trial's outcome is told (each step of a
    /// sequential method needs the last result): the engine leaves workers idle until the next Tell rather
    /// than calling Ask. Default: never.
    /// </summary>
    bool AwaitsOutcome => false;
}
