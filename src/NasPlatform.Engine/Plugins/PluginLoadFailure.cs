namespace NasPlatform.Engine.Plugins;

/// <summary>A plugin folder that did not load, and why.</summary>
/// <param name="Path">The plugin folder or manifest path.</param>
/// <param name="Reason">What went wrong and how to fix it.</param>
public sealed record PluginLoadFailure(string Path, string Reason);
