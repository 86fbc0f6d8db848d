using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Workflows.Benchmarks;

/// <summary>
/// Where <c>nas bench strategies</c> keeps each strategy's finished result, so that a bench stopped by a crash,
/// Ctrl+C or a failing strategy loses nothing: one JSON file per strategy in a folder beside the experiment file
/// (<c>&lt;file&gt;.bench/</c>), named by the strategy and a hash of everything its numbers depend on (the
/// experiment file's text, the strategy's options, runs, queries and base seed). A rerun with the same arguments
/// reads the finished ones instead of running them again; anything changed gives another hash, so a stale result
/// is never reused. Files are written whole to a temporary name and then renamed, so a kill leaves either the
/// old state or the new one.
/// </summary>
public sealed class StrategyBenchmarkJournal
{
    private readonly string _experimentText;
    private readonly int _runs;
    private readonly int _queries;
    private readonly int _seed;

    /// <param name="experimentFile">The experiment file the bench reads.</param>
    /// <param name="runs">Runs per strategy.</param>
    /// <param name="queries">Queries per run (the largest budget).</param>
    /// <param name="seed">The base seed.</param>
    /// <param name="folder">Where the results go; null for <c>&lt;experimentFile&gt;.bench</c>.</param>
    public StrategyBenchmarkJournal(string experimentFile, int runs, int queries, int seed, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(experimentFile);
        _experimentText = File.ReadAllText(experimentFile);
        Folder = folder ?? experimentFile + ".bench";
        _runs = runs;
        _queries = queries;
        _seed = seed;
    }

    /// <summary>The folder the results go to.</summary>
    public string Folder { get; }

    /// <summary>The file a strategy's result with these options is kept in.</summary>
    public string PathOf(string strategy, JObject options)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(options);
        var key = string.Join('\n', _experimentText, strategy, options.ToString(Formatting.None), _runs, _queries, _seed);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return Path.Combine(Folder, $"{strategy}-{hash}.json");
    }

    /// <summary>A result kept by an earlier run with the same arguments, or null.</summary>
    public (StrategyBenchmarkResult Result, TimeSpan Elapsed)? TryRead(string strategy, JObject options)
    {
        var path = PathOf(strategy, options);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var json = JObject.Parse(File.ReadAllText(path));
            var result = json["result"]!.ToObject<StrategyBenchmarkResult>()!;
            return (result, TimeSpan.FromSeconds(json.Value<double>("seconds")));
        }
        catch (JsonException)
        {
            // A file this class did not write whole (edited by hand): run the strategy again and overwrite it.
            return null;
        }
    }

    /// <summary>Keeps a finished strategy's result.</summary>
    public void Write(string strategy, JObject options, StrategyBenchmarkResult result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(Folder);
        var path = PathOf(strategy, options);
        var json = new JObject
        {
            ["strategy"] = strategy,
            ["options"] = options,
            ["runs"] = _runs,
            ["queries"] = _queries,
            ["seed"] = _seed,
            ["seconds"] = elapsed.TotalSeconds,
            ["result"] = JObject.FromObject(result),
        };
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json.ToString(Formatting.Indented));
        File.Move(temporary, path, overwrite: true);
    }
}
