namespace NasPlatform.Abstractions.Evaluation;

/// <summary>A file produced by an evaluation.</summary>
/// <param name="Name">Short name, e.g. "model" or "training-log".</param>
/// <param name="Path">Absolute path of the file.</param>
public sealed record Artifact(string Name, string Path);
