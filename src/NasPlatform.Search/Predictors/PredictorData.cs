namespace NasPlatform.Search.Predictors;

/// <summary>Argument checks shared by the predictors.</summary>
internal static class PredictorData
{
    public static void CheckRows(IReadOnlyList<double[]> encodings, int count, string targetsName)
    {
        ArgumentNullException.ThrowIfNull(encodings);
        if (encodings.Count == 0)
        {
            throw new ArgumentException("At least one row is needed.", nameof(encodings));
        }

        if (encodings.Count != count)
        {
            throw new ArgumentException($"{encodings.Count} rows but {count} {targetsName}.", targetsName);
        }

        var width = encodings[0].Length;
        for (var i = 0; i < encodings.Count; i++)
        {
            if (encodings[i].Length != width)
            {
                throw new ArgumentException($"Row {i} has {encodings[i].Length} values, row 0 has {width}.", nameof(encodings));
            }
        }
    }
}
