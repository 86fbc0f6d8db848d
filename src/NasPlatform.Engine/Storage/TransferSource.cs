using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Storage;

/// <summary>
/// Reads the trials a strategy learns from when its options name another experiment ("transferFrom": the path of
/// that experiment's file, relative to this one): a finished or running experiment on the same search space for a
/// similar problem (a transverse-field Ising ring at another field, a molecule at the next bond length). Its
/// completed trials with a finite value of this experiment's primary metric (a metric, or a free statistic such as
/// cnot_count) come back oldest first, each judged feasible by this experiment's constraints. They
/// are handed to the strategy in its context only: never stored, proposed or counted as trials of this experiment.
/// It lives beside the store it reads (not in Experiments, which the store depends on); the run and `nas validate`
/// add the trials to the resolved components (<see cref="WithTransferredTrials"/>).
/// </summary>
public static class TransferSource
{
    /// <summary>The strategy option that names the other experiment.</summary>
    public const string OptionName = "transferFrom";

    /// <summary>The trials of the experiment <paramref name="strategyOptions"/> name; empty when they name none.</summary>
    /// <exception cref="NasConfigurationException">The file is missing or not an experiment, its experiment was never run, it searches another space, or it has fewer than two usable trials.</exception>
    public static IReadOnlyList<TrialOutcome> Load(ExperimentSpec spec, JObject? strategyOptions)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (strategyOptions?[OptionName] is not JValue { Type: JTokenType.String } value)
        {
            return [];
        }

        var text = (string)value!;
        var where = $"{spec.SourceFile ?? spec.Name}, $.strategy.options.{OptionName}";
        var path = Path.GetFullPath(Path.Combine(spec.BaseDirectory, text));
        if (!File.Exists(path))
        {
            throw new NasConfigurationException(
                $"{where}: '{text}' ({path}) does not exist. Name the experiment file (.json) of an experiment on the same search space whose trials the predictor should learn from, relative to this file.");
        }

        ExperimentSpec source;
        try
        {
            source = ExperimentFile.Load(path);
        }
        catch (NasConfigurationException e)
        {
            throw new NasConfigurationException($"{where}: '{text}' is not a valid experiment file: {e.Message}", e);
        }

        CheckCompatible(spec, source, where, text);
        return ReadTrials(spec, source, where, text);
    }

    /// <summary><paramref name="components"/> with the trials of the experiment its strategy options name (none when they name none).</summary>
    /// <exception cref="NasConfigurationException">As <see cref="Load"/>.</exception>
    public static ExperimentComponents WithTransferredTrials(ExperimentComponents components, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(spec);
        return components with { TransferredTrials = Load(spec, spec.Strategy.Options) };
    }

    private static void CheckCompatible(ExperimentSpec spec, ExperimentSpec source, string where, string text)
    {
        if (string.Equals(source.StorePath, spec.StorePath, StringComparison.Ordinal) && source.Name == spec.Name)
        {
            throw new NasConfigurationException($"{where}: '{text}' is this experiment itself; name another experiment, whose trials were measured on a similar problem.");
        }

        // Trials transfer only where a candidate means the same thing: the same plugin, space and space options,
        // so that the predictor's encoding of a candidate is the same in both experiments.
        if (source.Plugin != spec.Plugin || source.SearchSpace.Name != spec.SearchSpace.Name
            || !JToken.DeepEquals(source.SearchSpace.Options, spec.SearchSpace.Options))
        {
            throw new NasConfigurationException(
                $"{where}: '{text}' searches another space (plugin '{source.Plugin}', space '{source.SearchSpace.Name}' with options {source.SearchSpace.Options.ToString(Formatting.None)}) "
                + $"than this experiment (plugin '{spec.Plugin}', space '{spec.SearchSpace.Name}' with options {spec.SearchSpace.Options.ToString(Formatting.None)}). "
                + "Trials transfer only between experiments with the same \"searchSpace\"; copy this file's \"searchSpace\" into the other one (or the other way round).");
        }
    }

    private static List<TrialOutcome> ReadTrials(ExperimentSpec spec, ExperimentSpec source, string where, string text)
    {
        if (!File.Exists(source.StorePath))
        {
            throw new NasConfigurationException(
                $"{where}: experiment '{source.Name}' of '{text}' has not been run (its store {source.StorePath} does not exist). Run it first: nas run {ShellWords.Quote(text)}");
        }

        var metric = spec.Objectives[0].Metric;
        using var store = SqliteTrialStore.OpenReadOnly(source.StorePath);
        var record = store.FindExperiment(source.Name)
                     ?? throw new NasConfigurationException(
                         $"{where}: store {source.StorePath} holds no experiment named '{source.Name}'. Run it first: nas run {ShellWords.Quote(text)}");
        // The metric may be a free statistic (cnot_count) that the other experiment did not optimise, so it is not
        // among its stored metrics; and feasibility is judged by this experiment's constraints, not the other's.
        var trials = store.GetTrials(record.Id)
            .Where(t => t.IsUsable)
            .Select(t => t.ToOutcome())
            .Select(t => t with { Metrics = WithFreeStatistic(t, metric), Feasible = MeetsConstraints(spec, t) })
            .Where(t => t.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v))
            .OrderBy(t => t.Number)
            .ToList();
        if (trials.Count < 2)
        {
            throw new NasConfigurationException(
                $"{where}: experiment '{source.Name}' has {trials.Count} completed trial(s) with a finite '{metric}' (this experiment's primary metric); a predictor needs at least 2. Run it longer, or name another experiment.");
        }

        return trials;
    }

    private static Dictionary<string, double> WithFreeStatistic(TrialOutcome trial, string metric)
    {
        var metrics = new Dictionary<string, double>(trial.Metrics, StringComparer.Ordinal);
        if (!metrics.ContainsKey(metric) && trial.FreeStatistics.TryGetValue(metric, out var statistic))
        {
            metrics[metric] = statistic;
        }

        return metrics;
    }

    // A constraint on a quantity the trial lacks cannot be judged here; the trial stays as the other experiment judged it.
    private static bool MeetsConstraints(ExperimentSpec spec, TrialOutcome trial) =>
        spec.Constraints.All(c =>
            trial.FreeStatistics.TryGetValue(c.Quantity, out var v) || trial.Metrics.TryGetValue(c.Quantity, out v)
                ? c.IsSatisfiedBy(v)
                : trial.Feasible);
}
