using NasPlatform.Search.Results;
namespace NasPlatform.Engine.Storage;

/// <summary>The Pareto front's hypervolume after one finished trial: one point of a progress curve.</summary>
/// <param name="TellSequence">The finished trial's position in tell order (the curve's x axis).</param>
/// <param name="TrialNumber">The finished trial.</param>
/// <param name="FrontSize">Members of the front after it.</param>
/// <param name="Hypervolume">The front's hypervolume.</param>
/// <param name="Reference">The reference point it was measured from, in metric units, by metric.</param>
/// <param name="DerivedReference">True when part of the reference was derived from the front (values then compare only at the same moment).</param>
public sealed record FrontPoint(long TellSequence, int TrialNumber, int FrontSize, double Hypervolume, IReadOnlyDictionary<string, double> Reference, bool DerivedReference);
