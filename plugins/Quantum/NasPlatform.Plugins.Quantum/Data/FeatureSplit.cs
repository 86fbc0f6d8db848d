namespace NasPlatform.Plugins.Quantum.Data;

/// <summary>Samples as rows of <see cref="Dimension"/> features, each with a binary label (0 or 1).</summary>
public sealed class FeatureSplit
{
    public FeatureSplit(double[] features, int[] labels, int dimension)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if ((long)labels.Length * dimension != features.Length)
        {
            throw new ArgumentException($"{labels.Length} samples of {dimension} features need {(long)labels.Length * dimension} values, not {features.Length}.", nameof(features));
        }

        if (labels.Any(l => l is not (0 or 1)))
        {
            throw new ArgumentException("Labels must be 0 or 1.", nameof(labels));
        }

        Features = features;
        Labels = labels;
        Dimension = dimension;
    }

    /// <summary>All features, row-major (sample after sample).</summary>
    public double[] Features { get; }

    public int[] Labels { get; }

    public int Dimension { get; }

    public int Count => Labels.Length;

    public ReadOnlySpan<double> Row(int index) => Features.AsSpan(index * Dimension, Dimension);

    /// <summary>How many samples carry <paramref name="label"/>.</summary>
    public int CountOf(int label) => Labels.Count(l => l == label);
}
