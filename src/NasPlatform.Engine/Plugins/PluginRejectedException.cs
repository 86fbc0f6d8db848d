namespace NasPlatform.Engine.Plugins;

/// <summary>
/// Why one plugin folder cannot be loaded. Caught by <see cref="PluginCatalog"/> and turned into a
/// <see cref="PluginLoadFailure"/>, so the other plugins still load.
/// </summary>
public sealed class PluginRejectedException : Exception
{
    public PluginRejectedException(string reason)
        : base(reason)
    {
    }

    public PluginRejectedException(string reason, Exception inner)
        : base(reason, inner)
    {
    }
}
