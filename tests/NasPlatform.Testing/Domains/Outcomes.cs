using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Testing.Domains;

public static class Outcomes
{
    public static readonly ObjectiveSet MaximizeScore = new([new Objective("score", Direction.Maximize)]);

    public static TrialOutcome Completed(int number, int x, double score, bool feasible = true) =>
        new(number, LineSpace.At(x), "full", TrialState.Completed, new Dictionary<string, double> { ["score"] = score }, new Dictionary<string, double>(), feasible);

    public static TrialOutcome Failed(int number, Candidate candidate) =>
        new(number, candidate, "full", TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, double>(), true);
}
