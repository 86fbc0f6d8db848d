using NasPlatform.Abstractions.Plugins;
using NasPlatform.Eda.Dataset;
using NasPlatform.Plugins.Eda.Evaluation;
using NasPlatform.Plugins.Eda.Tests.Training;
using NasPlatform.Plugins.Eda.Training;

namespace NasPlatform.Plugins.Eda.Tests.Evaluation;

/// <summary>
/// Designs named for validation and test are checked when the evaluator is made, before any training: a design
/// with no samples, or whose samples all failed, is a configuration error naming the design and the designs
/// that can be scored; training never sees a named test design.
/// </summary>
public sealed class NamedDesignsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-eda-named-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private RoutabilityEvaluator Create(string[] validation, string[] test) => RoutabilityEvaluator.Create(
        new RoutabilityEvaluatorOptions { Dataset = _root, ValidationDesigns = validation, TestDesigns = test },
        new ComponentContext(_root, _root, 0));

    [Fact]
    public void AnAbsentDesignIsRefusedNamingItAndListingTheUsableOnes()
    {
        SyntheticDataset.Write(_root, designs: 4, perDesign: 2);

        var e = Assert.Throws<ComponentConfigurationException>(() => Create(["syn1"], ["uart"]));

        Assert.Equal("testDesigns", e.OptionPath);
        Assert.Contains("'uart'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no samples", e.Message, StringComparison.Ordinal);
        Assert.Contains("syn0, syn1, syn2, syn3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADesignWhoseSamplesAllFailedIsRefusedSayingSo()
    {
        SyntheticDataset.Write(_root, designs: 4, perDesign: 2);
        foreach (var s in new[] { 0, 1 })
            SampleFiles.WriteRecord(_root, new SampleRecord { Key = $"spm-s{s}", Design = "spm", Density = 0.7, Seed = s, Layers = 3, Blockage = 0, Status = "failed", FailedStep = "synthesize", Error = "ERROR" });

        var e = Assert.Throws<ComponentConfigurationException>(() => Create(["spm"], []));

        Assert.Equal("validationDesigns", e.OptionPath);
        Assert.Contains("'spm'", e.Message, StringComparison.Ordinal);
        Assert.Contains("all 2 of its samples failed", e.Message, StringComparison.Ordinal);
        Assert.EndsWith(": syn0, syn1, syn2, syn3.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADesignInBothSplitsIsRefused()
    {
        SyntheticDataset.Write(_root, designs: 4, perDesign: 2);
        var e = Assert.Throws<ComponentConfigurationException>(() => Create(["syn1"], ["syn1"]));
        Assert.Contains("both validation and test", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedDesignsGoToTheirSplitAndTrainingNeverSeesThem()
    {
        SyntheticDataset.Write(_root, designs: 6, perDesign: 2);

        var data = Create(["syn4", "syn2"], ["syn0", "syn5"]).Data();

        Assert.Equal(["syn0", "syn5"], RoutabilityData.Designs(data.Test));
        Assert.Equal(["syn2", "syn4"], RoutabilityData.Designs(data.Validation));
        Assert.Equal(["syn1", "syn3"], RoutabilityData.Designs(data.Train));
    }
}
