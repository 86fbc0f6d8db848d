namespace NasPlatform.Engine.Storage;

/// <summary>What a trial's evaluator reported at one step (epoch) while it ran: the values a pruner compares.</summary>
/// <param name="TrialNumber">The trial.</param>
/// <param name="Step">The step the values were measured at.</param>
/// <param name="Metrics">The intermediate metrics at that step.</param>
public sealed record IntermediateValues(int TrialNumber, int Step, IReadOnlyDictionary<string, double> Metrics);
