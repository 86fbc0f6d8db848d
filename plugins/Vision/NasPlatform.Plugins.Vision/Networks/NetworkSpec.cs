namespace NasPlatform.Plugins.Vision.Networks;

/// <summary>A whole network: its input (channels, square resolution), its layers, and the class count it ends in.</summary>
public sealed record NetworkSpec(int InChannels, int Resolution, IReadOnlyList<LayerSpec> Layers)
{
    /// <summary>The network with every width scaled (EcoNAS channel factor c) and the input resolution set.</summary>
    public NetworkSpec Reduced(double channelScale, int resolution) =>
        new(InChannels, resolution, Layers.Select(l => l.Scaled(channelScale)).ToList());
}
