namespace NasPlatform.Distributed.Contracts;

/// <summary>One trial's evaluation as it crosses the cluster; keyed by <see cref="Number"/>.</summary>
/// <param name="Number">The trial's number in its experiment.</param>
/// <param name="CandidateJson">The candidate's canonical JSON.</param>
/// <param name="Fidelity">The name of the fidelity to evaluate at.</param>
/// <param name="Seed">The evaluation's seed (derived from the experiment seed and the trial number).</param>
/// <param name="WorkDirectory">The trial's directory on the coordinator; a worker that cannot see it uses one of its own.</param>
/// <param name="TimeoutSeconds">The per-trial limit; null for none.</param>
[GenerateSerializer, Immutable]
public sealed record TrialWork(int Number, string CandidateJson, string Fidelity, int Seed, string WorkDirectory, double? TimeoutSeconds);
