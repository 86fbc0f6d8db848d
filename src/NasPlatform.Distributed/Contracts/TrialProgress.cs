namespace NasPlatform.Distributed.Contracts;

/// <summary>The latest progress of a leased trial, sent with the worker's heartbeat and forwarded to the coordinator's console.</summary>
/// <param name="Number">The trial's number.</param>
/// <param name="Worker">The worker evaluating it.</param>
/// <param name="Fraction">Done so far, 0 to 1.</param>
/// <param name="Message">The evaluator's words (e.g. "epoch 3/30").</param>
/// <param name="Metrics">Interim metrics (e.g. the training loss).</param>
[GenerateSerializer, Immutable]
public sealed record TrialProgress(int Number, string Worker, double Fraction, string Message, Dictionary<string, double> Metrics);
