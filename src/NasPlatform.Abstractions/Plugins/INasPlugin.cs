namespace NasPlatform.Abstractions.Plugins;

/// <summary>
/// The entry point of a domain plugin. The host creates one instance with a public
/// parameterless constructor, reads <see cref="Describe"/>, then calls <see cref="Register"/>.
/// </summary>
public interface INasPlugin
{
    /// <summary>Identity of the plugin and the contract version it was built against.</summary>
    PluginDescription Describe();

    /// <summary>Registers the plugin's search spaces and evaluators by name.</summary>
    void Register(IPluginRegistry registry);
}
