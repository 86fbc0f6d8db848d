using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The images a space's networks take and the classes they predict, shared by the vision spaces' options;
/// the defaults fit Fashion-MNIST (28x28 grey images, 10 classes).
/// </summary>
public record ImageInputOptions
{
    /// <summary>Image channels: 1 grey, 3 RGB.</summary>
    [Description("Image channels (1 grey, 3 RGB).")]
    [Range(1, 4)]
    public int InputChannels { get; init; } = 1;

    /// <summary>Input side in pixels at full fidelity.</summary>
    [Description("Input side in pixels at full fidelity.")]
    [Range(8, 512)]
    public int Resolution { get; init; } = 28;

    /// <summary>Classes the networks predict.</summary>
    [Description("Classes.")]
    [Range(2, 1000)]
    public int Classes { get; init; } = 10;

    /// <summary>The input shape these options describe.</summary>
    public InputShape ToShape() => new(InputChannels, Resolution, Classes);
}
