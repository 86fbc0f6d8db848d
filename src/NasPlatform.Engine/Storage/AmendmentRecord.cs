using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Storage;

/// <summary>Settings of a started experiment that its file changed and a resume applied (budget, workers, ...).</summary>
/// <param name="Sequence">1 for the first amendment of the experiment, then 2, ...</param>
/// <param name="CreatedAt">When it was applied.</param>
/// <param name="Changes">Each setting with its value before and after.</param>
public sealed record AmendmentRecord(int Sequence, DateTimeOffset CreatedAt, IReadOnlyList<SpecChange> Changes);
