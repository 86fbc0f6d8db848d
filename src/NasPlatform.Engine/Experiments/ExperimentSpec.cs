using NasPlatform.Search.Constraints;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;

namespace NasPlatform.Engine.Experiments;

/// <summary>A validated experiment file.</summary>
public sealed record ExperimentSpec
{
    /// <summary>Name of the experiment; unique within its store.</summary>
    public required string Name { get; init; }

    /// <summary>Free text from the file's "description"; null when absent.</summary>
    public string? Description { get; init; }

    /// <summary>Id of the plugin that supplies the space and evaluator.</summary>
    public required string Plugin { get; init; }

    public required ComponentSpec SearchSpace { get; init; }

    public required ComponentSpec Evaluator { get; init; }

    public required ComponentSpec Strategy { get; init; }

    public required IReadOnlyList<Objective> Objectives { get; init; }

    /// <summary>
    /// The hypervolume reference point from the file's <c>objectives[i].reference</c>, in metric
    /// units, by metric; objectives without one get a reference derived from the front
    /// (see <see cref="Results.FrontHypervolume"/>).
    /// </summary>
    public IReadOnlyDictionary<string, double> ObjectiveReferences { get; init; } = new Dictionary<string, double>();

    public required IReadOnlyList<Constraint> Constraints { get; init; }

    public required BudgetSpec Budget { get; init; }

    /// <summary>Name of the fidelity to evaluate at; null means the evaluator's highest.</summary>
    public string? Fidelity { get; init; }

    public int Workers { get; init; } = 1;

    public int Seed { get; init; }

    /// <summary>Stops poor trials early on their intermediate values; null for none (also when the file says "none").</summary>
    public PrunerSpec? Pruner { get; init; }

    /// <summary>Per-trial wall-clock limit; a trial over it fails.</summary>
    public double? TrialTimeoutSeconds { get; init; }

    /// <summary>Absolute path of the SQLite store.</summary>
    public required string StorePath { get; init; }

    /// <summary>Directory relative paths in the file are resolved against (the file's own directory).</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Absolute path of the file the spec was loaded from; null when rebuilt from a store.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The file's JSON as written, kept in the store so an experiment resumes without its file.</summary>
    public required JObject Document { get; init; }

    /// <summary>
    /// The command that continues this experiment, for messages: <c>nas resume FILE</c>, or, for a spec
    /// rebuilt from its store, <c>nas resume STORE --experiment NAME</c> (the name alone is no path).
    /// </summary>
    public string ResumeCommand => SourceFile is { } file
        ? $"nas resume {ShellWords.Quote(file)}"
        : $"nas resume {ShellWords.Quote(StorePath)} --experiment {ShellWords.Quote(Name)}";
}

/// <summary>A named component (search space, evaluator, strategy) with its options object.</summary>
/// <remarks>
/// Options loaded from a file are the node inside <see cref="ExperimentSpec.Document"/>, so schema
/// problems in them keep the file's line numbers and full JSON path; clone them before changing them.
/// </remarks>
public sealed record ComponentSpec(string Name, JObject Options);

/// <summary>How much an experiment may spend; at least one limit is set.</summary>
/// <param name="Trials">Number of trials (completed, failed and pruned all count).</param>
/// <param name="Seconds">Wall-clock seconds of running, summed over every session of the experiment.</param>
/// <param name="Cost">
/// Sum of the <see cref="NasPlatform.Abstractions.Evaluation.Fidelity.Cost"/> of every started trial's
/// fidelity, over every session: no trial starts that would take the sum past it, so the spent
/// cost ends exact or below (the run ends at the first proposal that does not fit).
/// </param>
public sealed record BudgetSpec(int? Trials, double? Seconds, double? Cost = null);
