namespace NasPlatform.Distributed.Contracts;

/// <summary>What a worker measured for one trial; the coordinator records the first report per trial number only.</summary>
/// <param name="Number">The trial's number.</param>
/// <param name="Worker">The worker that evaluated it.</param>
/// <param name="Metrics">The evaluator's metrics; null when it failed.</param>
/// <param name="Artifacts">Artifact names and paths (on the worker's machine); empty without.</param>
/// <param name="Error">Why the evaluation failed (exception, timeout); null when it returned.</param>
[GenerateSerializer, Immutable]
public sealed record TrialReport(int Number, string Worker, Dictionary<string, double>? Metrics, ArtifactReference[] Artifacts, string? Error);
