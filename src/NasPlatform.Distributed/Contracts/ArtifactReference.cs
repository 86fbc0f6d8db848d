namespace NasPlatform.Distributed.Contracts;

/// <summary>An artifact a worker produced: its name and its path on that worker.</summary>
[GenerateSerializer, Immutable]
public sealed record ArtifactReference(string Name, string Path);
