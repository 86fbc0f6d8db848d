using NasPlatform.Abstractions;
using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;

namespace NasPlatform.Workflows.Benchmarks;

/// <summary>
/// The yardstick for random search on a lookup table: the exact expected best of Q uniform draws
/// from the table's values. It reads the table named by a lookup evaluator's options (the Tabular
/// plugin's format: CSV with a <c>test_accuracy</c> column), so the engine needs no plugin types.
/// </summary>
public static class LookupTableReference
{
    /// <summary>The table column the lookup evaluator reports.</summary>
    public const string ValueColumn = "test_accuracy";

    /// <summary>
    /// The expected best of <paramref name="draws"/> uniform draws from the table, in the direction
    /// of <paramref name="primary"/>; null when the options name no table, or the objective is not
    /// the metric the evaluator reports the table's values under (option "metric", default "accuracy").
    /// </summary>
    /// <exception cref="NasConfigurationException">The table cannot be read.</exception>
    public static double? ExpectedBestOfUniformDraws(JObject evaluatorOptions, string baseDirectory, Objective primary, int draws)
    {
        ArgumentNullException.ThrowIfNull(evaluatorOptions);
        ArgumentNullException.ThrowIfNull(primary);
        var table = evaluatorOptions.Value<string>("table");
        var metric = evaluatorOptions.Value<string>("metric") ?? "accuracy";
        if (string.IsNullOrWhiteSpace(table) || primary.Metric != metric)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.IsPathRooted(table) ? table : Path.Combine(baseDirectory, table));
        var values = ReadColumn(path, ValueColumn);
        return primary.Direction == Direction.Maximize
            ? ExpectedMaximum.OfUniformDraws(values, draws)
            : ExpectedMaximum.MinimumOfUniformDraws(values, draws);
    }

    /// <summary>Reads one numeric column of a plain CSV file (header row, no quoting).</summary>
    /// <exception cref="NasConfigurationException">Missing file or column, or a value that is not a number; names file and line.</exception>
    public static double[] ReadColumn(string path, string column)
    {
        if (!File.Exists(path))
        {
            throw new NasConfigurationException($"{path}: table not found.");
        }

        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? string.Empty).TrimStart('\uFEFF').Split(',').Select(h => h.Trim()).ToArray();
        var index = Array.IndexOf(header, column);
        if (index < 0)
        {
            throw new NasConfigurationException($"{path}:1: the table has no column '{column}' (columns: {string.Join(", ", header)}).");
        }

        var values = new List<double>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length <= index || !double.TryParse(fields[index].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new NasConfigurationException($"{path}:{lineNumber}: '{column}' is not a number.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values.ToArray() : throw new NasConfigurationException($"{path}: the table has no rows.");
    }
}
