using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// How well a candidate stage imitates teacher block <see cref="Block"/>: validation MSE over the variance of the
/// teacher's block output (so ratings of different blocks add up on one scale; 1 is as good as predicting the mean),
/// after training (<see cref="Rating"/>) and at initialization (<see cref="InitialRating"/>). <see cref="Parameters"/>
/// and <see cref="Macs"/> are the stage's own, 1x1 adapter included, at the teacher's input width.
/// </summary>
public sealed record BlockRating(int Block, StageGenes Stage, long Parameters, long Macs, double Rating, double InitialRating);
