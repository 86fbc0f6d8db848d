using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>One DNA rating fidelity as an experiment file gives it: images and epochs of imitation.</summary>
public sealed record DnaRatingFidelityOptions
{
    /// <summary>Training images whose teacher activations a stage learns from.</summary>
    [Description("training images whose teacher activations a stage learns from")]
    [Range(16, int.MaxValue)]
    public required int Images { get; init; }

    /// <summary>Epochs of imitation.</summary>
    [Description("epochs of imitation")]
    [Range(1, 100)]
    public required int Epochs { get; init; }

    /// <summary>The fidelity these values make.</summary>
    public DnaRatingFidelity ToFidelity() => new(Images, Epochs);

    /// <summary>The values of <paramref name="fidelity"/>.</summary>
    public static DnaRatingFidelityOptions Of(DnaRatingFidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        return new() { Images = fidelity.Images, Epochs = fidelity.Epochs };
    }
}
