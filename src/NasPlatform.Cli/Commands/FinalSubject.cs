using NasPlatform.Abstractions;
using NasPlatform.Search;
using System.Globalization;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// What `nas train-final` trains: a trial of a stored experiment (<c>--trial N</c>), or a candidate JSON file
/// (<c>--candidate FILE</c>) with the evaluator of an experiment file or store.
/// </summary>
internal sealed record FinalSubject(
    ExperimentSpec Spec,
    string Experiment,
    Candidate Candidate,
    int? Trial,
    string? CandidateFile,
    IReadOnlyDictionary<string, double> SearchMetrics,
    int DefaultSeed,
    string FolderName)
{
    /// <summary>The stored experiment's id, which keys its final folder by store; null for an experiment file with no stored experiment.</summary>
    public long? ExperimentId { get; init; }

    /// <summary>How the console names it: "trial 3 of 'x'" or "two-conv.json".</summary>
    public string Title => Trial is { } n ? $"trial {n} of '{Experiment}'" : Path.GetFileName(CandidateFile!);

    /// <summary>The subject at the start of a sentence.</summary>
    public string Description => Trial is { } n ? $"Trial {n} of '{Experiment}'" : $"The candidate in {CandidateFile}";

    public static FinalSubject Resolve(TrainFinalCommand.Settings settings)
    {
        return (settings.Trial, settings.Candidate) switch
        {
            ({ } number, null) => FromTrial(settings, number),
            (null, { } file) => FromFile(settings, file),
            (null, null) => throw new NasConfigurationException("Name what to retrain: --trial N (`nas status EXP` lists the trials) or --candidate FILE (a candidate JSON file)."),
            _ => throw new NasConfigurationException("--trial and --candidate both name what to train; give one of them."),
        };
    }

    private static FinalSubject FromTrial(TrainFinalCommand.Settings settings, int number)
    {
        using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
        var trial = located.Store.GetTrials(located.Record.Id).FirstOrDefault(t => t.Number == number)
            ?? throw new NasConfigurationException($"Experiment '{located.Record.Name}' in {located.Store.Location} has no trial {number}; `nas status {settings.Experiment}` lists its trials.");
        return new FinalSubject(
            located.Spec, located.Record.Name, trial.Candidate, number, null, trial.Metrics,
            SeedSequence.Derive(located.Spec.Seed, 1_000_000 + number), $"trial-{number}")
        {
            ExperimentId = located.Record.Id,
        };
    }

    private static FinalSubject FromFile(TrainFinalCommand.Settings settings, string file)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new NasConfigurationException($"Candidate file {path} does not exist; write the candidate's JSON there (e.g. a trial's candidate.json from `nas train-final`, or `nas export EXP --format json`).");
        }

        // The parser experiment files use: line and column of a syntax error, duplicate keys and missing values refused.
        if (!JsonSource.TryParse(File.ReadAllText(path), out var json, out var problem))
        {
            throw new NasConfigurationException($"{problem!.Format(path)}. The file is not JSON a candidate can be read from: it holds one JSON value, as a trial's candidate.json does.");
        }

        var candidate = Candidate.From(json!);

        // An experiment file is enough: the candidate needs the evaluator, not a store (which may not exist yet).
        // A store's own spec is used when the argument names one.
        ExperimentSpec spec;
        string experiment;
        long? id = null;
        if (settings.Experiment.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && settings.Name is null)
        {
            spec = ExperimentFile.Load(settings.Experiment);
            experiment = spec.Name;
        }
        else
        {
            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            (spec, experiment, id) = (located.Spec, located.Record.Name, located.Record.Id);
        }

        // Seeded from the experiment seed and the candidate itself, so the same file retrains the same way.
        var stream = int.Parse(candidate.Hash.AsSpan(0, 7), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new FinalSubject(
            spec, experiment, candidate, null, path, new Dictionary<string, double>(),
            SeedSequence.Derive(spec.Seed, stream), Path.GetFileNameWithoutExtension(path))
        {
            ExperimentId = id,
        };
    }
}
