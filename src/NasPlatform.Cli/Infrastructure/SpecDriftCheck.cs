using NasPlatform.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// What `nas run` and `nas resume` do when the experiment file no longer says what the store was started with:
/// refuse changes that cannot apply to a started experiment (exit 2, each changed setting listed with its stored and
/// new value), and apply and record the ones that can (budget, workers, trial timeout, description).
/// </summary>
internal static class SpecDriftCheck
{
    /// <summary>The drift between the stored spec and the file's spec; empty when the experiment was located by its store.</summary>
    public static SpecDrift Of(ExperimentRecord stored, ExperimentSpec given, ITrialStore store) =>
        SpecDrift.Between(JObject.Parse(stored.SpecDocument), given.Document, AnyTrialFinished(store, stored));

    // Objectives and constraints judge results: until one trial is judged, a fix to them (a misspelt metric that
    // stopped the first result) can still apply.
    private static bool AnyTrialFinished(ITrialStore store, ExperimentRecord stored) =>
        store.GetTrials(stored.Id).Any(t => t.IsFinished);

    /// <summary>Throws, listing the changes and the ways out, when any change cannot apply.</summary>
    /// <exception cref="NasConfigurationException">The file changes the space, evaluator, objectives, constraints, strategy, seed, fidelity or plugin.</exception>
    public static void RefuseFixedChanges(SpecDrift drift, ExperimentRecord stored, string storePath, string file)
    {
        if (drift.FixedChanges.Count == 0)
        {
            return;
        }

        var lines = new List<string>
        {
            $"{file} differs from the spec experiment '{stored.Name}' was started with (in {storePath}):",
        };
        lines.AddRange(drift.FixedChanges.Select(c => "  " + c));
        lines.Add("These cannot change once an experiment has started: its stored trials were made under them (objectives and constraints only once a trial has finished). Nothing was run.");
        lines.Add($"To search with the new settings, give the file another \"name\" (a new experiment), or run `nas run {file} --restart`, which keeps the old trials in the store under an archived name and starts afresh.");
        lines.Add($"To go on with the stored settings, undo the changes in the file, or resume from the store itself: `nas resume {storePath}`.");
        if (drift.Amendments.Count > 0)
        {
            lines.Add("(The file's other changes could apply: " + string.Join("; ", drift.Amendments.Select(c => c.ToString())) + ".)");
        }

        throw new NasConfigurationException(string.Join(Environment.NewLine, lines));
    }

    /// <summary>The spec to run once the file's amendable changes apply; nothing is written (see <see cref="RecordAmendments"/>).</summary>
    public static ExperimentSpec Amended(SpecDrift drift, SqliteTrialStore store, ExperimentRecord stored, ExperimentSpec storedSpec, ExperimentSpec given)
    {
        if (drift.Amendments.Count == 0)
        {
            return storedSpec;
        }

        var document = SpecDrift.Amend(JObject.Parse(stored.SpecDocument), given.Document, AnyTrialFinished(store, stored));
        return ExperimentFile.FromDocument(document.ToString(Formatting.Indented), stored.BaseDirectory, $"{store.Location} (experiment '{stored.Name}')")
            with { StorePath = store.Location, SourceFile = given.SourceFile };
    }

    /// <summary>Records the amended spec (checked by then) in the store as an amendment with its time.</summary>
    public static void RecordAmendments(SpecDrift drift, SqliteTrialStore store, ExperimentRecord stored, ExperimentSpec given)
    {
        if (drift.Amendments.Count == 0)
        {
            return;
        }

        var document = SpecDrift.Amend(JObject.Parse(stored.SpecDocument), given.Document, AnyTrialFinished(store, stored));
        store.Amend(stored.Id, document.ToString(Formatting.Indented), drift.Amendments);
        var sequence = store.GetAmendments(stored.Id).Count;
        Console.Error.WriteLine($"Applied the file's changes to experiment '{stored.Name}' and recorded them in the store as amendment {sequence}: "
                                + string.Join("; ", drift.Amendments.Select(c => c.ToString())) + ".");
    }
}
