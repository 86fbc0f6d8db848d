using NasPlatform.Datasets;

namespace NasPlatform.Plugins.Quantum.Data;

/// <summary>How to turn two Fashion-MNIST classes into angle features for a quantum classifier.</summary>
/// <param name="ClassA">Label of the class read as 0 (⟨Z⟩ = +1).</param>
/// <param name="ClassB">Label of the class read as 1 (⟨Z⟩ = −1).</param>
/// <param name="Features">Principal components kept (one per qubit).</param>
/// <param name="TrainSamples">Training samples drawn (half from each class) from the train split; 0 = all 12,000.</param>
/// <param name="TestSamples">Test samples drawn (half from each class) from the official test split; 0 = all 2,000.</param>
/// <param name="Seed">Seed of the subsampling, fixed per experiment so every candidate sees the same samples.</param>
/// <param name="DataFolder">Folder of the IDX files; null = <see cref="FashionMnist.DefaultFolder"/>.</param>
/// <param name="AngleMin">Angle that the smallest training value of each feature maps to.</param>
/// <param name="AngleMax">Angle that the largest training value of each feature maps to.</param>
public sealed record FeatureDatasetOptions(
    int ClassA,
    int ClassB,
    int Features,
    int TrainSamples = 0,
    int TestSamples = 0,
    int Seed = 0,
    string? DataFolder = null,
    double AngleMin = 0.0,
    double AngleMax = Math.PI);
