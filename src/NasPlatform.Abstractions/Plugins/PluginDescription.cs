namespace NasPlatform.Abstractions.Plugins;

/// <summary>Identity of a plugin.</summary>
/// <param name="Id">Stable identifier used in experiment files, e.g. "tabular".</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="ContractVersion">
/// The contract version the plugin was built against. Pass <see cref="Abstractions.ContractVersion.Text"/>:
/// it is a constant, so the compiler bakes in the version the plugin was built with.
/// </param>
/// <param name="Description">One line saying what the plugin is for.</param>
public sealed record PluginDescription(string Id, string Version, string ContractVersion, string Description);
