namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>What the networks of a space take and produce: image channels, square resolution, classes.</summary>
public sealed record InputShape(int Channels, int Resolution, int Classes)
{
    /// <summary>28x28 grey images in 10 classes: the default of <see cref="ImageInputOptions"/>.</summary>
    public static InputShape FashionMnist { get; } = new ImageInputOptions().ToShape();
}
