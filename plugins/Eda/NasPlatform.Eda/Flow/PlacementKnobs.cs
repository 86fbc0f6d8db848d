namespace NasPlatform.Eda.Flow;

/// <summary>What qflow's placement of a design depends on: target cell density (graywolf's initial_density) and the placement seed.</summary>
public sealed record PlacementKnobs(double Density, int Seed);
