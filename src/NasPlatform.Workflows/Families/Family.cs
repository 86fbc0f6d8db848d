
using NasPlatform.Search.Constraints;
namespace NasPlatform.Workflows.Families;

/// <summary>The best candidates the predictor finds under one set of constraints.</summary>
/// <param name="Constraints">The constraint set (all must hold).</param>
/// <param name="Members">Best predicted first.</param>
/// <param name="Scored">Candidates the search on the predictor scored for this set.</param>
/// <param name="Seconds">Wall-clock time of the search.</param>
public sealed record Family(IReadOnlyList<Constraint> Constraints, IReadOnlyList<FamilyMember> Members, int Scored, double Seconds);
