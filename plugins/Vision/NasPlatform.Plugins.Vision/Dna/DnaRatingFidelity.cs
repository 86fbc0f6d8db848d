using System.Globalization;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// How much a DNA block rating spends: the stage imitates the teacher on the activations of <see cref="Images"/>
/// training images for <see cref="Epochs"/> epochs. Named "n1024-e3"; its cost, relative to the most expensive
/// fidelity of the ladder, is images x epochs.
/// </summary>
public sealed record DnaRatingFidelity(int Images, int Epochs)
{
    public static IReadOnlyList<DnaRatingFidelity> DefaultLadder { get; } = [new(256, 2), new(1024, 3)];

    public string Name => string.Create(CultureInfo.InvariantCulture, $"n{Images}-e{Epochs}");

    public Fidelity ToFidelity(double fullWork) => new(Name, Images * (double)Epochs / fullWork, new Dictionary<string, double>
    {
        ["images"] = Images,
        ["epochs"] = Epochs,
    });

    public static DnaRatingFidelity From(Fidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        int Get(string key) => fidelity.Settings.TryGetValue(key, out var v) && v >= 1
            ? (int)v
            : throw new ArgumentException($"Fidelity '{fidelity.Name}' lacks a DNA rating setting '{key}' (images and epochs, at least 1).");
        return new DnaRatingFidelity(Get("images"), Get("epochs"));
    }
}
