namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>What the networks of a space take and produce: image channels, square resolution, classes.</summary>
public sealed record InputShape(int Channels, int Resolution, int Classes)
{
    public static InputShape FashionMnist { get; } = new(1, 28, 10);
}
