namespace NasPlatform.Engine.Storage;

/// <summary>An experiment as the store holds it.</summary>
/// <param name="Id">The store's key for the experiment.</param>
/// <param name="Name">The experiment's name, unique within the store.</param>
/// <param name="SpecDocument">The experiment file's JSON, so the experiment can resume without its file.</param>
/// <param name="Seed">The experiment seed.</param>
/// <param name="CreatedAt">When the experiment was first started.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of running, summed over all its sessions.</param>
/// <param name="BaseDirectory">Folder the experiment file was in: relative paths in the stored document resolve against it.</param>
public sealed record ExperimentRecord(
    long Id,
    string Name,
    string SpecDocument,
    int Seed,
    DateTimeOffset CreatedAt,
    ExperimentStatus Status,
    double ElapsedSeconds,
    string BaseDirectory);
