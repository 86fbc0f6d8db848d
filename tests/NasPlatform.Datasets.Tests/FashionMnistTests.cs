using NasPlatform.Datasets;

namespace NasPlatform.Datasets.Tests;

/// <summary>
/// Reads the real data set from the Debian package dataset-fashion-mnist (CI installs it in .ci/run); a
/// missing package fails these tests with the install command rather than skipping them.
/// </summary>
public sealed class FashionMnistTests
{
    [Fact]
    public void Loads_the_official_splits_with_balanced_labels()
    {
        var data = FashionMnist.Load();

        Assert.Equal(60000, data.Train.Count);
        Assert.Equal(10000, data.Test.Count);
        Assert.Equal((28, 28), (data.Train.Rows, data.Train.Columns));
        Assert.Equal((28, 28), (data.Test.Rows, data.Test.Columns));
        Assert.Equal(60000 * 784, data.Train.Pixels.Length);
        for (var label = 0; label < 10; label++)
        {
            Assert.Equal(6000, data.Train.IndicesOf(label).Length);
            Assert.Equal(1000, data.Test.IndicesOf(label).Length);
        }

        // Not blank: the images use the whole grey range.
        Assert.Equal(0, data.Train.Pixels.Min());
        Assert.Equal(255, data.Train.Pixels.Max());
    }

    [Fact]
    public void The_cache_key_names_the_folder_and_changes_when_a_file_changes()
    {
        var folder = Directory.CreateTempSubdirectory("nas-fmnist-key-");
        try
        {
            var file = Path.Combine(folder.FullName, "train-labels-idx1-ubyte");
            File.WriteAllBytes(file, [0, 0, 8, 1, 0, 0, 0, 0]);
            var first = FashionMnist.CacheKey(folder.FullName);

            Assert.StartsWith(folder.FullName + "|", first, StringComparison.Ordinal);
            Assert.Equal(first, FashionMnist.CacheKey(folder.FullName + "/"));
            File.WriteAllBytes(file, [0, 0, 8, 1, 0, 0, 0, 1, 3]);
            Assert.NotEqual(first, FashionMnist.CacheKey(folder.FullName));
            Assert.Equal(60000L * 784 + 60000 + 10000L * 784 + 10000, FashionMnist.SizeOf(FashionMnist.Load()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("t-shirt/top", 0)]
    [InlineData("T-Shirt", 0)]
    [InlineData("trouser", 1)]
    [InlineData("Trousers", 1)]
    [InlineData("ankle boot", 9)]
    [InlineData("Ankle-Boot", 9)]
    [InlineData("sneaker", 7)]
    [InlineData("7", 7)]
    [InlineData("0", 0)]
    public void Parses_class_names_and_indices(string text, int label)
    {
        Assert.Equal(label, FashionMnist.ParseClass(text));
    }

    [Theory]
    [InlineData("hat")]
    [InlineData("10")]
    [InlineData("-1")]
    public void Unknown_classes_list_the_valid_ones(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => FashionMnist.ParseClass(text));

        Assert.Contains("Ankle boot", e.Message);
    }

    [Fact]
    public void A_missing_folder_says_how_to_install_the_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-such-fashion-mnist-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<DirectoryNotFoundException>(() => FashionMnist.Load(folder));

        Assert.Contains(folder, e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void A_folder_without_the_files_names_the_missing_one()
    {
        var folder = Directory.CreateTempSubdirectory("empty-fmnist-").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(folder));

            Assert.Contains("train-images-idx3-ubyte", e.Message);
            Assert.Contains(folder, e.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
