using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Experiments;

/// <summary>The outcome of checking an experiment file: the spec, or every problem found.</summary>
/// <param name="File">The file as the user named it; problems are reported against it.</param>
/// <param name="Spec">The experiment when the file is valid; null otherwise.</param>
/// <param name="Problems">Every problem, in file order; empty when the file is valid.</param>
public sealed record ExperimentFileCheck(string File, ExperimentSpec? Spec, IReadOnlyList<SchemaProblem> Problems)
{
    /// <summary>True when the file is a valid experiment and <see cref="Spec"/> is set.</summary>
    public bool IsValid => Spec is not null && Problems.Count == 0;

    /// <summary>One "file:line:col: $.path: message" line per problem.</summary>
    public IEnumerable<string> FormattedProblems => Problems.Select(p => p.Format(File));
}
