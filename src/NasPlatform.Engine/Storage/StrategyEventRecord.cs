namespace NasPlatform.Engine.Storage;

/// <summary>An event a strategy reported, as the store holds it (table <c>strategy_events</c>).</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Sequence">Its position among the strategy's events, from 0; a replay that reports it again is recognised by it.</param>
/// <param name="Kind">What happened, e.g. "predictor-fit".</param>
/// <param name="Summary">One line for people.</param>
/// <param name="Values">The numbers that came with it.</param>
/// <param name="TrialsTold">Trials the strategy had been told when it reported the event.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record StrategyEventRecord(
    long ExperimentId,
    long Sequence,
    string Kind,
    string Summary,
    IReadOnlyDictionary<string, double> Values,
    long TrialsTold,
    DateTimeOffset CreatedAt);
