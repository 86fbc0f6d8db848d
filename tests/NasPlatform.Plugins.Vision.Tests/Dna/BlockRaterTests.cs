using System.Diagnostics;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Dna;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Vision.Tests.Dna;

/// <summary>On real Fashion-MNIST: a MobileNetV2-like teacher trained for one epoch on 512 images, cached in a temporary folder.</summary>
public sealed class BlockRaterTests(ITestOutputHelper output)
{
    private static readonly NetworkSpec Teacher = new(1, 28, Baselines.Layers(Baselines.MobileNetV2, 10));
    private static readonly TrainingRecipe Recipe = TrainingRecipe.Default with { BatchSize = 64, Augment = 0 };
    private static readonly int[] TeacherImages = [.. Enumerable.Range(0, 512)];
    private static readonly int[] RatingImages = [.. Enumerable.Range(1000, 256)];
    private static readonly int[] ValidationImages = [.. Enumerable.Range(50_000, 128)];

    [Fact]
    public void The_mobilenetv2_teacher_splits_into_the_four_stages_of_the_mbconv_space()
    {
        var blocks = TeacherBlock.Split(Teacher);
        Assert.Equal(
            [new(0, 1, 1, 16, 28, 16, 1), new(1, 2, 2, 16, 28, 24, 2), new(2, 4, 2, 24, 14, 32, 2), new(3, 6, 2, 32, 7, 64, 1)],
            blocks);
    }

    [Fact]
    public void A_trained_stage_imitates_the_teacher_block_better_than_at_start_and_repeats_for_a_seed_and_a_cached_teacher()
    {
        TorchFixture.Ensure();
        var data = VisionData.FashionMnistFrom(TestCache.Shared, FashionMnist.DefaultFolder);
        var folder = Directory.CreateTempSubdirectory("dna-teacher-");
        try
        {
            var clock = Stopwatch.StartNew();
            var block = TeacherBlock.Split(Teacher)[1];
            var stage = new StageGenes(1, 32, 2, 2, 3, false, Activation.Relu);
            BlockRating Rate(bool expectTrained)
            {
                var (teacher, trained) = TeacherCache.LoadOrTrain(folder.FullName, Teacher, Recipe, data.Train, TeacherImages, 10, 1, 5, "fashion-mnist");
                using (teacher)
                {
                    Assert.Equal(expectTrained, trained);
                    using var rater = new BlockRater(teacher, block, data.Train, RatingImages, ValidationImages);
                    return rater.Rate(stage, epochs: 3, seed: 7);
                }
            }

            var first = Rate(expectTrained: true);
            var second = Rate(expectTrained: false);
            output.WriteLine($"relative MSE {first.InitialRating:0.000} at start, {first.Rating:0.000} trained; {first.Parameters} parameters; {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Single(folder.GetFiles("teacher-*.bin"));
            Assert.Empty(folder.GetDirectories("*.checkpoint*")); // the teacher's per-epoch checkpoint goes once it is cached
            Assert.True(first.Rating < 0.8 * first.InitialRating, $"trained {first.Rating} vs untrained {first.InitialRating}");
            Assert.True(first.Rating < 1, $"rating {first.Rating} is no better than predicting the mean");
            Assert.Equal(first, second);
            Assert.Equal(NetworkStatistics.Count(BlockRater.StageNetwork(block, stage)).Parameters, first.Parameters);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_stage_with_the_wrong_stride_is_rejected_with_the_block_named()
    {
        var block = TeacherBlock.Split(Teacher)[1];
        var error = Assert.Throws<ArgumentException>(() => BlockRater.StageNetwork(block, new StageGenes(1, 24, 1, 2, 3, false, Activation.Relu)));
        Assert.Contains("teacher block 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teacher_key_changes_with_seed_epochs_and_data()
    {
        var key = TeacherCache.Key(Teacher, Recipe, TeacherImages, 1, 5, "fashion-mnist");
        Assert.Equal(key, TeacherCache.Key(Teacher, Recipe, TeacherImages, 1, 5, "fashion-mnist"));
        Assert.NotEqual(key, TeacherCache.Key(Teacher, Recipe, TeacherImages, 1, 6, "fashion-mnist"));
        Assert.NotEqual(key, TeacherCache.Key(Teacher, Recipe, TeacherImages, 2, 5, "fashion-mnist"));
        Assert.NotEqual(key, TeacherCache.Key(Teacher, Recipe, TeacherImages, 1, 5, "folders:/tmp/x"));
    }
}
