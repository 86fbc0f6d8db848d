using NasPlatform.Abstractions;
using NasPlatform.Search.Results;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Workflows.Fidelities;

/// <summary>
/// EcoNAS's proxy analysis as a command: samples candidates of the experiment's space (with its
/// seed and constraints on free statistics), evaluates each at every fidelity of the evaluator,
/// and reports how well each fidelity ranks them like the highest one (Kendall's tau-b and
/// Spearman's rho), with its cost, so a cheap proxy can be chosen before a search.
/// </summary>
/// <remarks>
/// The evaluations run through <see cref="ExperimentRunner"/> as an experiment of their own in
/// the experiment's store, named <c>&lt;name&gt;-proxy-check</c>: nothing evaluated is lost, the
/// workers, trial timeout and Ctrl+C behave as in a run, and running the check again continues it
/// (with more samples, it evaluates only the new ones). Its trials are trial-number ordered:
/// candidate k's fidelities are trials kF … kF + F − 1.
/// </remarks>
public sealed class ProxyCheck
{
    /// <summary>Appended to the experiment's name to name the check's experiment.</summary>
    public const string NameSuffix = "-proxy-check";

    private const int MaxNameLength = 100;

    private readonly ExperimentSpec _spec;
    private readonly ExperimentComponents _components;
    private readonly ITrialStore _store;
    private readonly IRunObserver? _observer;

    public ProxyCheck(ExperimentSpec spec, ExperimentComponents components, ITrialStore store, IRunObserver? observer = null)
    {
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _components = components ?? throw new ArgumentNullException(nameof(components));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _observer = observer;
    }

    /// <summary>The name of the check's experiment for an experiment named <paramref name="name"/>.</summary>
    public static string ExperimentName(string name) => name + NameSuffix;

    /// <summary>The spec the check runs: the experiment's, renamed, with the sweep strategy and a budget of every sample at every fidelity.</summary>
    public ExperimentSpec CheckSpec(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        var name = ExperimentName(_spec.Name);
        if (name.Length > MaxNameLength)
        {
            throw new NasConfigurationException(
                $"Experiment '{_spec.Name}': the proxy check's experiment would be named '{name}', longer than {MaxNameLength} characters; shorten the experiment's \"name\".");
        }

        var trials = checked(samples * _components.Evaluator.Fidelities.Count);
        var document = (JObject)_spec.Document.DeepClone();
        document["name"] = name;
        document["strategy"] = new JObject { ["name"] = FidelitySweepFactory.StrategyName };
        document["budget"] = new JObject { ["trials"] = trials };
        document.Remove("fidelity");
        return _spec with
        {
            Name = name,
            Strategy = new ComponentSpec(FidelitySweepFactory.StrategyName, new JObject()),
            Budget = new BudgetSpec(trials, null),
            Fidelity = null,
            Document = document,
        };
    }

    /// <summary>Evaluates (or continues evaluating) <paramref name="samples"/> candidates at every fidelity and reports.</summary>
    /// <param name="samples">Candidates to compare; at least 2.</param>
    /// <param name="metric">The metric to rank by; null means the experiment's primary objective.</param>
    /// <param name="cancellationToken">Stops the evaluations; the report then covers what finished.</param>
    /// <exception cref="NasConfigurationException">Bad input: too few samples, an unknown metric, an evaluator with one fidelity.</exception>
    public async Task<(RunSummary Summary, ProxyCheckReport Report)> RunAsync(int samples, string? metric = null, CancellationToken cancellationToken = default)
    {
        if (samples < 2)
        {
            throw new NasConfigurationException($"--samples must be at least 2 to rank candidates, not {samples}.");
        }

        var fidelities = _components.Evaluator.Fidelities;
        if (fidelities.Count < 2)
        {
            throw new NasConfigurationException(
                $"Evaluator '{_spec.Evaluator.Name}' offers {(fidelities.Count == 0 ? "no fidelity" : $"one fidelity ('{fidelities[0].Name}')")}: there is no cheaper proxy to check. A proxy check needs an evaluator with several fidelities.");
        }

        var spec = CheckSpec(samples);
        var components = _components with { StrategyFactory = new FidelitySweepFactory(_spec.Constraints), StrategyOptions = new NoOptions() };
        var runner = new ExperimentRunner(spec, components, _store, _observer);
        var summary = _store.FindExperiment(spec.Name) is null
            ? await runner.RunAsync(cancellationToken).ConfigureAwait(false)
            : await runner.ResumeAsync(cancellationToken).ConfigureAwait(false);
        var trials = _store.GetTrials(summary.ExperimentId);
        var ranked = metric ?? _spec.Objectives[0].Metric;
        return (summary, Report(trials, fidelities, ranked, samples, spec.Name, _store.Location));
    }

    /// <summary>The report for a check's trials: the first <paramref name="samples"/> candidates, by their first trial.</summary>
    /// <exception cref="NasConfigurationException">No completed trial has <paramref name="metric"/>.</exception>
    public static ProxyCheckReport Report(IReadOnlyList<TrialRecord> trials, IReadOnlyList<Fidelity> fidelities, string metric, int samples, string experimentName, string storePath)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(fidelities);
        var completed = trials.Where(t => t.State == TrialState.Completed).ToList();
        if (completed.Count > 0 && !completed.Any(t => t.Metrics.ContainsKey(metric)))
        {
            throw new NasConfigurationException(
                $"No trial of the proxy check has the metric '{metric}'; they have {string.Join(", ", completed.SelectMany(t => t.Metrics.Keys).Distinct().Select(m => $"'{m}'"))}. Choose one with --metric.");
        }

        var candidates = trials.GroupBy(t => t.Hash).OrderBy(g => g.Min(t => t.Number)).Take(samples).Select(g => g.Key).ToHashSet();
        var values = completed
            .Where(t => candidates.Contains(t.Hash) && t.Metrics.ContainsKey(metric))
            .GroupBy(t => t.Fidelity)
            .ToDictionary(g => g.Key, g => g.ToDictionary(t => t.Hash, t => t));
        var top = fidelities[^1].Name;
        var reference = values.GetValueOrDefault(top) ?? [];
        var rows = new List<ProxyReliability>();
        foreach (var fidelity in fidelities)
        {
            var at = values.GetValueOrDefault(fidelity.Name) ?? [];
            var pairs = at.Where(p => reference.ContainsKey(p.Key)).OrderBy(p => p.Value.Number).ToList();
            var x = pairs.Select(p => p.Value.Metrics[metric]).ToList();
            var y = pairs.Select(p => reference[p.Key].Metrics[metric]).ToList();
            var seconds = at.Values.Select(t => t.Duration?.TotalSeconds).OfType<double>().ToList();
            rows.Add(new ProxyReliability(
                fidelity.Name,
                fidelity.Cost,
                at.Count,
                pairs.Count,
                pairs.Count < 2 ? double.NaN : RankCorrelation.KendallTauB(x, y),
                pairs.Count < 2 ? double.NaN : RankCorrelation.Spearman(x, y),
                seconds.Count == 0 ? double.NaN : seconds.Average()));
        }

        return new ProxyCheckReport(experimentName, storePath, metric, candidates.Count, rows);
    }
}
