namespace NasPlatform.Torch.Native;

/// <summary>
/// A symbol version that <see cref="Library"/> needs from <see cref="Soname"/>, which the library the
/// loader would use (<see cref="Provider"/>, null when none was found) does not define.
/// </summary>
internal sealed record MissingVersion(
    string Library,
    string Soname,
    string? Provider,
    string Version,
    IReadOnlyList<string> Symbols,
    string? NewestProvided);
