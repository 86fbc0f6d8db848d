namespace NasPlatform.Engine.Storage;

/// <summary>One artifact row of a store: a file a trial's evaluation produced, and its hash when recorded.</summary>
/// <param name="TrialNumber">The trial that produced it.</param>
/// <param name="Name">Its short name, e.g. "model".</param>
/// <param name="Path">Its path as the evaluator reported it (on a cluster worker: a path on that worker's machine).</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file when its trial was recorded; null for a folder, a file this machine could not read then, or a store written before hashes were recorded.</param>
public sealed record StoredArtifact(int TrialNumber, string Name, string Path, string? Sha256);
