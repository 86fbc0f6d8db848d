namespace NasPlatform.Engine.Plugins;

/// <summary>A plugin folder that did not load, and why.</summary>
/// <param name="Path">The plugin folder or manifest path.</param>
/// <param name="Reason">What went wrong and how to fix it.</param>
/// <param name="PluginId">The id its manifest gives, when the manifest could be read; null otherwise.</param>
public sealed record PluginLoadFailure(string Path, string Reason, string? PluginId = null);
