using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Training;

namespace NasPlatform.Plugins.Vision.Tests.Training;

public sealed class BatchBuilderTests
{
    private const int Size = 28;

    // Constant images (value 5, far from the N(0, 1) noise that erasing writes), so every changed pixel is an erased one.
    private static readonly ImageSet Images = new(Enumerable.Repeat(5f, 64 * Size * Size).ToArray(), new byte[64], 1, Size);

    private static readonly TrainingRecipe Plain = TrainingRecipe.Default with { Augment = 0, Mixup = 0, LabelSmoothing = 0 };

    [Fact]
    public void Random_erasing_replaces_one_rectangle_of_2_to_40_percent_by_noise_with_the_recipe_probability()
    {
        var builder = new BatchBuilder(Images, Plain with { Erase = 0.5 }, 10, 64, new Random(7));
        builder.Fill(Enumerable.Range(0, 64).ToArray());
        var erased = 0;
        for (var b = 0; b < 64; b++)
        {
            var image = builder.Inputs.AsSpan(b * Size * Size, Size * Size).ToArray();
            var changed = Enumerable.Range(0, Size * Size).Where(i => image[i] != 5f).ToArray();
            if (changed.Length == 0)
            {
                continue;
            }

            erased++;
            var (rows, columns) = (changed.Select(i => i / Size).ToArray(), changed.Select(i => i % Size).ToArray());
            var (h, w) = (rows.Max() - rows.Min() + 1, columns.Max() - columns.Min() + 1);
            Assert.Equal(h * w, changed.Length); // one filled rectangle
            Assert.InRange(h * w, 0.02 * Size * Size - 2 * Size, 0.4 * Size * Size + 2 * Size);
            Assert.InRange(changed.Select(i => (double)image[i]).Average(), -1, 1);
        }

        Assert.InRange(erased, 20, 44); // Binomial(64, 0.5): mean 32, sd 4
    }

    [Fact]
    public void Without_erasing_the_batch_is_the_images_and_draws_nothing_extra()
    {
        var random = new Random(7);
        var builder = new BatchBuilder(Images, Plain, 10, 64, random);
        builder.Fill(Enumerable.Range(0, 64).ToArray());
        Assert.All(builder.Inputs, v => Assert.Equal(5f, v));
        Assert.Equal(new Random(7).Next(), random.Next());
    }
}
