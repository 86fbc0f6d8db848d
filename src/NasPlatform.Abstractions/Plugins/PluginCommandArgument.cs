namespace NasPlatform.Abstractions.Plugins;

/// <summary>A required positional argument of a <see cref="PluginCommand"/>.</summary>
/// <param name="Name">Shown in help in capitals (e.g. "DIR").</param>
/// <param name="Description">One line for help.</param>
public sealed record PluginCommandArgument(string Name, string Description);
