using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Lookup;

/// <summary>
/// Evaluates a nas-bench-201 cell by looking up its precomputed test accuracy, so a strategy
/// benchmark of thousands of trials takes seconds. Returns the accuracy under the configured
/// metric name and the benchmark's architecture <c>index</c>.
/// </summary>
public sealed class LookupEvaluator : IEvaluator
{
    /// <summary>Name the plugin registers the evaluator under.</summary>
    public const string Name = "lookup";

    /// <summary>Metric name used when the options give none.</summary>
    public const string DefaultMetric = "accuracy";

    /// <summary>Name of the metric that carries the benchmark's architecture index.</summary>
    public const string IndexMetric = "index";

    /// <summary>The one fidelity: the table holds results after the benchmark's full 200-epoch schedule.</summary>
    public static readonly Fidelity FullTraining = new("200-epochs", 1.0, new Dictionary<string, double> { ["epochs"] = 200 });

    /// <summary>Creates the evaluator over a parsed table.</summary>
    public LookupEvaluator(LookupTable table, string metric = DefaultMetric)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        if (metric == IndexMetric)
        {
            throw new ArgumentException($"The metric name '{IndexMetric}' is taken by the architecture index.", nameof(metric));
        }

        Table = table;
        Metric = metric;
    }

    /// <summary>The table looked up.</summary>
    public LookupTable Table { get; }

    /// <summary>Name the accuracy is reported under.</summary>
    public string Metric { get; }

    /// <inheritdoc />
    public IReadOnlyList<Fidelity> Fidelities { get; } = [FullTraining];

    /// <summary>The table's accuracy and the row index, declared ahead.</summary>
    public IReadOnlyList<string> Metrics => [Metric, IndexMetric];

    /// <summary>Builds the evaluator from validated options; the table is parsed once per file and process.</summary>
    /// <exception cref="ComponentConfigurationException">The table is missing or malformed, or the metric name is unusable.</exception>
    public static LookupEvaluator Create(LookupOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var tableOption = options.Table;
        if (string.IsNullOrWhiteSpace(tableOption))
        {
            throw new ComponentConfigurationException("table", $"Set 'table' to the path of the lookup table CSV. {LookupTable.FormatHelp}");
        }

        var metric = options.Metric;
        if (string.IsNullOrWhiteSpace(metric) || metric == IndexMetric)
        {
            throw new ComponentConfigurationException("metric", $"'metric' must be a non-empty name other than '{IndexMetric}' (which carries the architecture index); the default is '{DefaultMetric}'.");
        }

        return new LookupEvaluator(LookupTable.Load(context.Cache, context.ResolvePath(tableOption)), metric);
    }

    /// <inheritdoc />
    public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Fidelity.Name != FullTraining.Name)
        {
            throw new ArgumentException($"The lookup evaluator has only the fidelity '{FullTraining.Name}', not '{request.Fidelity.Name}'.", nameof(request));
        }

        var cell = Nb201Cell.FromCandidate(request.Candidate);
        if (!Table.TryGet(cell, out var row))
        {
            throw new KeyNotFoundException($"The cell {cell} is not in the lookup table {Table.Path} ({Table.Rows.Count} rows).");
        }

        var metrics = new Dictionary<string, double>
        {
            [Metric] = row.TestAccuracy,
            [IndexMetric] = row.Index,
        };
        return Task.FromResult(new EvaluationResult(metrics));
    }
}
