namespace NasPlatform.Abstractions.Plugins;

/// <summary>An option of a <see cref="PluginCommand"/>: <c>--name VALUE</c>, or a flag when <see cref="ValueName"/> is null.</summary>
/// <param name="Name">The long name without dashes (e.g. "seeds").</param>
/// <param name="ValueName">Shown in help (e.g. "N"); null for a flag that takes no value.</param>
/// <param name="Description">One line for help, with the default.</param>
/// <param name="ShortName">An optional one-letter name without the dash (e.g. "j").</param>
/// <param name="Repeatable">True when the option may be given more than once.</param>
public sealed record PluginCommandOption(string Name, string? ValueName, string Description, string? ShortName = null, bool Repeatable = false);
