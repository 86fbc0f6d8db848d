namespace NasPlatform.Distributed.Contracts;

/// <summary>A plugin as workers must have it: the same id at the same version as the coordinator.</summary>
/// <param name="Id">The plugin's id, e.g. "tabular".</param>
/// <param name="Version">The plugin's own version.</param>
[GenerateSerializer, Immutable]
public sealed record PluginIdentity(string Id, string Version)
{
    public override string ToString() => $"{Id} {Version}";
}
