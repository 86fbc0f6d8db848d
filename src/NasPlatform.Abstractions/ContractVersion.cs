namespace NasPlatform.Abstractions;

/// <summary>
/// The version of the plugin contract. These are <c>const</c> so that a plugin's
/// <see cref="Plugins.PluginDescription"/> bakes in the version it was compiled against,
/// not the version of the host it happens to run in.
/// </summary>
public static class ContractVersion
{
    /// <summary>Major version: a plugin built against another major version is refused.</summary>
    public const int Major = 1;

    /// <summary>Minor version: additions that keep older plugins working.</summary>
    public const int Minor = 3;

    /// <summary>The full version as text, e.g. "1.2".</summary>
    public const string Text = "1.3";
}
