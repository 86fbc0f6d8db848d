using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>
/// Counts of (true class, predicted class) pairs on an evaluation split: row = true class, column =
/// predicted. Filled from the predictions that give the accuracy, so its trace over its total is that
/// accuracy. Written beside a trial as <c>confusion.json</c> and drawn by the plugin's views.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[][] _counts;

    public ConfusionMatrix(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ClassNames = classNames;
        _counts = [.. classNames.Select(_ => new long[classNames.Count])];
    }

    public IReadOnlyList<string> ClassNames { get; }

    public int Classes => ClassNames.Count;

    /// <summary>The count of images of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _counts[actual][predicted];

    public long Total => _counts.Sum(row => row.Sum());

    public long Correct => Enumerable.Range(0, Classes).Sum(i => _counts[i][i]);

    public double Accuracy => Total == 0 ? double.NaN : Correct / (double)Total;

    /// <summary>Images of class <paramref name="actual"/> (its row's sum).</summary>
    public long Support(int actual) => _counts[actual].Sum();

    /// <summary>Share of class <paramref name="actual"/> predicted right; NaN when the split has none of it.</summary>
    public double Recall(int actual) => Support(actual) == 0 ? double.NaN : _counts[actual][actual] / (double)Support(actual);

    public void Add(int actual, int predicted) => _counts[actual][predicted]++;

    /// <summary>How many images were predicted as <paramref name="predicted"/> (the column sum).</summary>
    public long PredictedCount(int predicted) => _counts.Sum(row => row[predicted]);

    /// <summary>The JSON artifact: classes, counts (rows true, columns predicted), and where they were measured.</summary>
    public JObject ToJson(string split, string fidelity, int inputChannels, int resolution) => new()
    {
        ["split"] = split,
        ["fidelity"] = fidelity,
        ["input"] = new JObject { ["channels"] = inputChannels, ["resolution"] = resolution },
        ["classes"] = new JArray(ClassNames),
        ["counts"] = new JArray(_counts.Select(row => new JArray(row))),
        ["total"] = Total,
        ["correct"] = Correct,
    };

    public void Write(string path, string split, string fidelity, int inputChannels, int resolution) =>
        File.WriteAllText(path, ToJson(split, fidelity, inputChannels, resolution).ToString(Formatting.Indented));

    /// <summary>Reads <see cref="ToJson"/>'s form; an <see cref="InvalidDataException"/> names what is wrong.</summary>
    public static ConfusionMatrix FromJson(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var classes = json["classes"]?.ToObject<string[]>() ?? throw new InvalidDataException("confusion: \"classes\" is missing.");
        var counts = json["counts"]?.ToObject<long[][]>() ?? throw new InvalidDataException("confusion: \"counts\" is missing.");
        if (counts.Length != classes.Length || counts.Any(row => row is null || row.Length != classes.Length))
        {
            throw new InvalidDataException($"confusion: \"counts\" must be {classes.Length}x{classes.Length}, one row and column per class.");
        }

        var matrix = new ConfusionMatrix(classes);
        for (var i = 0; i < classes.Length; i++)
        {
            counts[i].CopyTo(matrix._counts[i], 0);
        }

        return matrix;
    }
}
