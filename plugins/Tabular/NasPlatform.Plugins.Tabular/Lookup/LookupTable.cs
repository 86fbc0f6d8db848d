using System.Globalization;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Lookup;

/// <summary>
/// A parsed lookup table of precomputed results: CSV with the header <c>index,arch,test_accuracy</c>,
/// one NAS-Bench-201 cell per row. Immutable, so one instance serves every thread.
/// </summary>
public sealed class LookupTable
{
    /// <summary>The header every table starts with.</summary>
    public const string Header = "index,arch,test_accuracy";

    /// <summary>Where the table comes from and what it must look like, for error messages.</summary>
    public const string FormatHelp =
        "The NAS-Bench-201 table is not shipped with NasPlatform: it comes from the NATS-Bench topology search space " +
        "(NAS-Bench-201, Dong et al.), CIFAR-10 test accuracy after 200 epochs, mean over seeds; this repository expects it at " +
        "../shared/data/nas-bench-201-cifar10.csv next to the repository root. Any table of the same format works: a CSV file " +
        "with the header 'index,arch,test_accuracy' and one row per cell, e.g. " +
        "'0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,85.8633' " +
        "(index an integer, arch the benchmark's cell string, test_accuracy a number in percent).";

    private const int MaxReportedProblems = 20;

    private readonly Dictionary<Nb201Cell, LookupRow> _byCell;

    private LookupTable(string path, IReadOnlyList<LookupRow> rows)
    {
        Path = path;
        Rows = rows;
        _byCell = rows.ToDictionary(r => r.Cell);
    }

    /// <summary>The file the table was read from.</summary>
    public string Path { get; }

    /// <summary>The rows in file order.</summary>
    public IReadOnlyList<LookupRow> Rows { get; }

    /// <summary>Finds a cell's row.</summary>
    public bool TryGet(Nb201Cell cell, out LookupRow row) => _byCell.TryGetValue(cell, out row!);

    /// <summary>
    /// Loads a table, or returns the one already parsed from the same unchanged file, kept in
    /// <paramref name="cache"/> (the plugin's, host-owned) under the file's full path, size and write time, so
    /// an edited table is read afresh. A failed parse is not kept: the user fixes the file and retries.
    /// </summary>
    /// <param name="cache">The plugin's cache (<see cref="ComponentContext.Cache"/>).</param>
    /// <param name="path">Absolute path of the CSV file.</param>
    /// <param name="optionPath">Option that named the file, for <see cref="ComponentConfigurationException.OptionPath"/>.</param>
    /// <exception cref="ComponentConfigurationException">The file is missing or malformed; the message says where and how.</exception>
    public static LookupTable Load(IComponentCache cache, string path, string optionPath = "table")
    {
        ArgumentNullException.ThrowIfNull(cache);
        var file = new FileInfo(System.IO.Path.GetFullPath(path));
        if (!file.Exists)
        {
            throw new ComponentConfigurationException(optionPath, $"Lookup table not found: {file.FullName}. {FormatHelp}");
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"lookup-table|{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        // Sized by its file: the parsed rows take about as many bytes as the text, a few times over.
        return cache.GetOrAdd(key, () => ReadFile(file.FullName, optionPath), _ => 4 * file.Length);
    }

    /// <summary>Parses a table from text; <paramref name="path"/> only names it in messages.</summary>
    /// <exception cref="ComponentConfigurationException">The text is malformed; every problem is listed with file:line.</exception>
    public static LookupTable Parse(TextReader reader, string path, string optionPath = "table")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new ComponentConfigurationException(optionPath, $"{path}: the lookup table is empty. {FormatHelp}");
        }

        header = header.TrimStart('\uFEFF').Trim();
        if (!string.Equals(string.Join(",", header.Split(',').Select(h => h.Trim())), Header, StringComparison.Ordinal))
        {
            throw new ComponentConfigurationException(optionPath, $"{path}:1: expected the header '{Header}', found '{header}'. {FormatHelp}");
        }

        var rows = new List<LookupRow>();
        var problems = new List<string>();
        var firstLineOfCell = new Dictionary<Nb201Cell, int>();
        var firstLineOfIndex = new Dictionary<int, int>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var problem = ParseRow(line, lineNumber, out var row);
            if (problem is null)
            {
                if (firstLineOfCell.TryGetValue(row!.Cell, out var earlier))
                {
                    problem = $"cell {row.Cell} appears twice (first on line {earlier})";
                }
                else if (firstLineOfIndex.TryGetValue(row.Index, out earlier))
                {
                    problem = $"index {row.Index} appears twice (first on line {earlier})";
                }
                else
                {
                    firstLineOfCell[row.Cell] = lineNumber;
                    firstLineOfIndex[row.Index] = lineNumber;
                    rows.Add(row);
                    continue;
                }
            }

            problems.Add($"{path}:{lineNumber}: {problem}");
        }

        if (problems.Count > 0)
        {
            var shown = string.Join(Environment.NewLine, problems.Take(MaxReportedProblems));
            var more = problems.Count > MaxReportedProblems ? $"{Environment.NewLine}... and {problems.Count - MaxReportedProblems} more bad rows" : string.Empty;
            throw new ComponentConfigurationException(optionPath, $"The lookup table {path} has {problems.Count} bad row(s):{Environment.NewLine}{shown}{more}{Environment.NewLine}{FormatHelp}");
        }

        if (rows.Count == 0)
        {
            throw new ComponentConfigurationException(optionPath, $"{path}: the lookup table has a header but no rows. {FormatHelp}");
        }

        return new LookupTable(path, rows);
    }

    private static LookupTable ReadFile(string path, string optionPath)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path, optionPath);
    }

    private static string? ParseRow(string line, int lineNumber, out LookupRow? row)
    {
        row = null;
        var fields = line.Split(',');
        if (fields.Length != 3)
        {
            return $"expected 3 comma-separated fields (index,arch,test_accuracy), found {fields.Length}";
        }

        if (!int.TryParse(fields[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0)
        {
            return $"index '{fields[0].Trim()}' is not a non-negative integer";
        }

        if (!Nb201Cell.TryParseCellString(fields[1].Trim(), out var cell, out var error))
        {
            return $"arch: {error}";
        }

        if (!double.TryParse(fields[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var accuracy) || !double.IsFinite(accuracy))
        {
            return $"test_accuracy '{fields[2].Trim()}' is not a finite number (use '.' as the decimal point)";
        }

        row = new LookupRow(index, cell!, accuracy, lineNumber);
        return null;
    }
}
