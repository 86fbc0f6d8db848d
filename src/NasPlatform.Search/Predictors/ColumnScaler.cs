namespace NasPlatform.Search.Predictors;

/// <summary>Standardizes columns to mean 0 and deviation 1; constant columns are only centred.</summary>
internal sealed class ColumnScaler
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    private ColumnScaler(double[] mean, double[] scale)
    {
        _mean = mean;
        _scale = scale;
    }

    public int Width => _mean.Length;

    public static ColumnScaler Fit(IReadOnlyList<double[]> rows)
    {
        var width = rows[0].Length;
        var mean = new double[width];
        var scale = new double[width];
        foreach (var row in rows)
        {
            for (var c = 0; c < width; c++)
            {
                mean[c] += row[c];
            }
        }

        for (var c = 0; c < width; c++)
        {
            mean[c] /= rows.Count;
        }

        foreach (var row in rows)
        {
            for (var c = 0; c < width; c++)
            {
                var d = row[c] - mean[c];
                scale[c] += d * d;
            }
        }

        for (var c = 0; c < width; c++)
        {
            var deviation = Math.Sqrt(scale[c] / rows.Count);
            scale[c] = deviation > 1e-12 ? deviation : 1.0;
        }

        return new ColumnScaler(mean, scale);
    }

    /// <summary>The scaled rows, flattened row-major into floats (the layout tensors want).</summary>
    public float[] TransformFlat(IReadOnlyList<double[]> rows, int start, int count)
    {
        var width = Width;
        var flat = new float[count * width];
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            if (row.Length != width)
            {
                throw new ArgumentException($"Row {start + r} has {row.Length} values; the predictor was fitted to rows of {width}.", nameof(rows));
            }

            for (var c = 0; c < width; c++)
            {
                flat[(r * width) + c] = (float)((row[c] - _mean[c]) / _scale[c]);
            }
        }

        return flat;
    }

    public double Scale(int column) => _scale[column];

    public double Mean(int column) => _mean[column];
}
