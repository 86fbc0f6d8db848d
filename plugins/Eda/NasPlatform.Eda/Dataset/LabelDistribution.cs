using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// How one label spreads over a group of samples: count, mean, standard deviation, quantiles (min, 10th,
/// 25th, median, 75th, 90th percentile, max) and a histogram of equal bins over [<see cref="Low"/>, <see cref="High"/>].
/// A label that sits in one or two bins for a routing condition carries little to rank within it.
/// </summary>
public sealed record LabelDistribution
{
    [JsonProperty("count")] public int Count { get; init; }

    [JsonProperty("mean")] public double Mean { get; init; }

    [JsonProperty("std")] public double Std { get; init; }

    [JsonProperty("min")] public double Min { get; init; }

    [JsonProperty("p10")] public double P10 { get; init; }

    [JsonProperty("p25")] public double P25 { get; init; }

    [JsonProperty("median")] public double Median { get; init; }

    [JsonProperty("p75")] public double P75 { get; init; }

    [JsonProperty("p90")] public double P90 { get; init; }

    [JsonProperty("max")] public double Max { get; init; }

    [JsonProperty("low")] public double Low { get; init; }

    [JsonProperty("high")] public double High { get; init; }

    /// <summary>Samples per bin; bin i covers [low + i w, low + (i + 1) w), the last one includes <see cref="High"/>.</summary>
    [JsonProperty("histogram")] public IReadOnlyList<int> Histogram { get; init; } = [];

    /// <summary>The distribution of <paramref name="values"/>, binned over [low, high] (values outside go to the end bins).</summary>
    public static LabelDistribution Of(IReadOnlyCollection<double> values, double low, double high, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!(high > low))
            throw new ArgumentException($"The histogram range [{low}, {high}] is empty.", nameof(high));
        var sorted = values.Order().ToArray();
        var histogram = new int[bins];
        foreach (var v in sorted)
            histogram[Math.Clamp((int)Math.Floor((v - low) / (high - low) * bins), 0, bins - 1)]++;
        if (sorted.Length == 0)
            return new LabelDistribution { Low = low, High = high, Histogram = histogram };
        var mean = sorted.Average();
        var variance = sorted.Sum(v => (v - mean) * (v - mean)) / sorted.Length;
        return new LabelDistribution
        {
            Count = sorted.Length, Mean = mean, Std = Math.Sqrt(variance),
            Min = sorted[0], P10 = Quantile(sorted, 0.1), P25 = Quantile(sorted, 0.25), Median = Quantile(sorted, 0.5),
            P75 = Quantile(sorted, 0.75), P90 = Quantile(sorted, 0.9), Max = sorted[^1],
            Low = low, High = high, Histogram = histogram,
        };
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default) of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
