using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Experiments;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Storage;

/// <summary>
/// Reads the trials a strategy learns from when its options name another experiment ("transferFrom": the path of
/// that experiment's file, relative to this one): a finished or running experiment on the same search space for a
/// similar problem (a transverse-field Ising ring at another field, a molecule at the next bond length), or on a
/// related space of the same name whose candidates this one takes over (<see cref="ICandidateTransfer"/>: the same
/// circuit family on another number of qubits; each trial then carries its counterpart in this space). Its
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
    /// <param name="spec">This experiment.</param>
    /// <param name="strategyOptions">Its strategy's options, which may name the other experiment.</param>
    /// <param name="space">This experiment's search space: where it takes over candidates of a related space
    /// (<see cref="ICandidateTransfer"/>), the other experiment's space may have other options.</param>
    public static IReadOnlyList<TrialOutcome> Load(ExperimentSpec spec, JObject? strategyOptions, ISearchSpace? space = null)
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

        var transfer = CheckCompatible(spec, source, where, text, space as ICandidateTransfer);
        return ReadTrials(spec, source, where, text, transfer is null ? null : new CandidateMap(transfer, space!));
    }

    /// <summary><paramref name="components"/> with the trials of the experiment its strategy options name (none when they name none).</summary>
    /// <exception cref="NasConfigurationException">As <see cref="Load"/>.</exception>
    public static ExperimentComponents WithTransferredTrials(ExperimentComponents components, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(spec);
        return components with { TransferredTrials = Load(spec, spec.Strategy.Options, components.Space) };
    }

    /// <returns>Null when the spaces are the same; the space's transfer when only their options differ and it takes over candidates.</returns>
    private static ICandidateTransfer? CheckCompatible(ExperimentSpec spec, ExperimentSpec source, string where, string text, ICandidateTransfer? transfer)
    {
        if (string.Equals(source.StorePath, spec.StorePath, StringComparison.Ordinal) && source.Name == spec.Name)
        {
            throw new NasConfigurationException($"{where}: '{text}' is this experiment itself; name another experiment, whose trials were measured on a similar problem.");
        }

        // Trials transfer where a candidate means the same thing (the same plugin, space and space options, so that
        // the predictor's encoding of a candidate is the same in both experiments), or where this space takes over the
        // other's candidates (same plugin and space name, other options: each candidate is replaced by its counterpart).
        var sameSpace = source.Plugin == spec.Plugin && source.SearchSpace.Name == spec.SearchSpace.Name;
        if (sameSpace && JToken.DeepEquals(source.SearchSpace.Options, spec.SearchSpace.Options))
        {
            return null;
        }

        if (sameSpace && transfer is not null)
        {
            return transfer;
        }

        throw new NasConfigurationException(
            $"{where}: '{text}' searches another space (plugin '{source.Plugin}', space '{source.SearchSpace.Name}' with options {source.SearchSpace.Options.ToString(Formatting.None)}) "
            + $"than this experiment (plugin '{spec.Plugin}', space '{spec.SearchSpace.Name}' with options {spec.SearchSpace.Options.ToString(Formatting.None)}). "
            + (sameSpace
                ? $"This space ('{spec.SearchSpace.Name}') cannot take over candidates of the same space with other options; trials transfer only between experiments with the same \"searchSpace\": copy this file's \"searchSpace\" into the other one (or the other way round)."
                : "Trials transfer only between experiments with the same \"searchSpace\"; copy this file's \"searchSpace\" into the other one (or the other way round)."));
    }

    /// <summary>
    /// Replaces each trial's candidate by this space's counterpart, with the counterpart's free statistics (a CNOT
    /// count on ten qubits is not the one on eight); the measured metrics stay the other problem's. Trials without
    /// a counterpart (a choice this space does not offer) are left out; fewer than two left is a configuration error.
    /// </summary>
    private sealed class CandidateMap(ICandidateTransfer transfer, ISearchSpace space)
    {
        public List<TrialOutcome> Apply(List<TrialOutcome> trials, ExperimentSpec source, string where, string text)
        {
            var mapped = new List<TrialOutcome>(trials.Count);
            foreach (var trial in trials)
            {
                if (transfer.Transfer(trial.Candidate) is { } counterpart)
                {
                    mapped.Add(trial with { Candidate = counterpart, FreeStatistics = space.FreeStatistics(counterpart) });
                }
            }

            if (mapped.Count < 2)
            {
                throw new NasConfigurationException(
                    $"{where}: of the {trials.Count} usable trials of experiment '{source.Name}' ('{text}', space options {source.SearchSpace.Options.ToString(Formatting.None)}), "
                    + $"{mapped.Count} have a counterpart in this experiment's space; a predictor needs at least 2. Offer the other space's choices here too (rotations, entanglers, sharing, initial states), and at least as many layers.");
            }

            return mapped;
        }
    }

    private static List<TrialOutcome> ReadTrials(ExperimentSpec spec, ExperimentSpec source, string where, string text, CandidateMap? map)
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
        var usable = store.GetTrials(record.Id).Where(t => t.IsUsable).Select(t => t.ToOutcome()).ToList();
        var trials = (map is null ? usable : map.Apply(usable, source, where, text))
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
