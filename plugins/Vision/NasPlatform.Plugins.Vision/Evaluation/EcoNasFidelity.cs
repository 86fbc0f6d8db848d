using System.Globalization;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>
/// EcoNAS's reduction factors as one fidelity: channel scale c (widths x c), input resolution r (side x r),
/// training-sample fraction s and epoch fraction e (of the recipe's epochs). Named "c0.5-r0.5-s0.25-e0.25";
/// the cost is c²·r²·s·e (a convolution's MACs scale with c² and r²).
/// </summary>
public sealed record EcoNasFidelity(double Channels, double Resolution, double Samples, double Epochs)
{
    /// <summary>The default ladder, cheapest first; the last is full fidelity (what a search ranks by).</summary>
    public static IReadOnlyList<EcoNasFidelity> DefaultLadder { get; } =
    [
        new(0.25, 0.5, 0.1, 0.25),
        new(0.5, 0.5, 0.25, 0.25),
        new(0.5, 1, 0.5, 0.5),
        new(1, 1, 1, 1),
    ];

    public string Name => $"c{F(Channels)}-r{F(Resolution)}-s{F(Samples)}-e{F(Epochs)}";

    public double Cost => Channels * Channels * Resolution * Resolution * Samples * Epochs;

    public Fidelity ToFidelity() => new(Name, Cost, new Dictionary<string, double>
    {
        ["c"] = Channels,
        ["r"] = Resolution,
        ["s"] = Samples,
        ["e"] = Epochs,
    });

    public static EcoNasFidelity From(Fidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        double Get(string key) => fidelity.Settings.TryGetValue(key, out var v)
            ? v
            : throw new ArgumentException($"Fidelity '{fidelity.Name}' lacks the setting '{key}' (EcoNAS factors c, r, s, e).");
        return new EcoNasFidelity(Get("c"), Get("r"), Get("s"), Get("e"));
    }

    /// <summary>Epochs at this fidelity for a recipe of <paramref name="recipeEpochs"/>: at least 1.</summary>
    public int EpochsFor(int recipeEpochs) => Math.Max(1, (int)Math.Round(recipeEpochs * Epochs, MidpointRounding.AwayFromZero));

    /// <summary>Input side at this fidelity for a full side of <paramref name="size"/>: at least 8 pixels.</summary>
    public int ResolutionFor(int size) => Math.Max(8, (int)Math.Round(size * Resolution, MidpointRounding.AwayFromZero));

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
