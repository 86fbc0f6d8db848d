using NasPlatform.Datasets.Images;

namespace NasPlatform.Datasets.Tests;

public sealed class ImageReaderTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "png");
    private readonly string _folder = Directory.CreateTempSubdirectory("image-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DecodedImage Fixture(string name) => ImageFolder.Decode(Path.Combine(Fixtures, name));

    [Theory]
    [InlineData("rgb.png", "rgb.ppm")]
    [InlineData("rgba.png", "rgb.ppm")]
    [InlineData("palette.png", "palette.ppm")]
    [InlineData("grey.png", "grey.pgm")]
    [InlineData("grey-alpha.png", "grey.pgm")]
    [InlineData("grey16.png", "grey.pgm")]
    public void Png_decodes_to_the_same_pixels_as_pillows_netpbm_copy(string png, string reference)
    {
        var decoded = Fixture(png);
        var expected = Fixture(reference);
        Assert.Equal((7, 5), (decoded.Width, decoded.Height));
        Assert.Equal(expected.Channels, decoded.Channels);
        Assert.Equal(expected.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Text_pgm_with_comments_and_16_bit_maximum_is_scaled_to_bytes()
    {
        var path = Path.Combine(_folder, "a.pgm");
        File.WriteAllText(path, "P2\n# a comment\n3 1\n65535\n0 32768 65535\n");
        var image = NetpbmReader.Read(path);
        Assert.Equal([0, 128, 255], image.Pixels);
    }

    [Fact]
    public void Binary_ppm_is_stored_channel_major()
    {
        var path = Path.Combine(_folder, "a.ppm");
        File.WriteAllBytes(path, [.. "P6 2 1 255\n"u8.ToArray(), 1, 2, 3, 4, 5, 6]);
        Assert.Equal([1, 4, 2, 5, 3, 6], NetpbmReader.Read(path).Pixels);
    }

    [Fact]
    public void Truncated_png_is_a_clear_error()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures, "rgb.png"));
        var path = Path.Combine(_folder, "cut.png");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => PngReader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Image_folder_labels_subfolders_in_ordinal_order_and_promotes_grey_to_rgb()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "b-cats"));
        Directory.CreateDirectory(Path.Combine(_folder, "a-dogs"));
        File.Copy(Path.Combine(Fixtures, "rgb.png"), Path.Combine(_folder, "b-cats", "1.png"));
        File.Copy(Path.Combine(Fixtures, "grey.pgm"), Path.Combine(_folder, "a-dogs", "1.pgm"));
        File.Copy(Path.Combine(Fixtures, "palette.png"), Path.Combine(_folder, "a-dogs", "2.png"));
        File.WriteAllText(Path.Combine(_folder, "a-dogs", "notes.txt"), "ignored");

        var (images, classes) = ImageFolder.Load(_folder);

        Assert.Equal(["a-dogs", "b-cats"], classes);
        Assert.Equal([0, 0, 1], images.Labels);
        Assert.Equal((5, 7, 3), (images.Rows, images.Columns, images.Channels));
        var grey = Fixture("grey.pgm").Pixels;
        Assert.Equal(grey, images.Image(0)[35..70].ToArray());
        Assert.Equal(Fixture("rgb.ppm").Pixels, images.Image(2).ToArray());
    }

    [Fact]
    public void Image_folder_with_mixed_sizes_names_both_files()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "a"));
        Directory.CreateDirectory(Path.Combine(_folder, "b"));
        File.Copy(Path.Combine(Fixtures, "grey.pgm"), Path.Combine(_folder, "a", "1.pgm"));
        File.WriteAllText(Path.Combine(_folder, "b", "2.pgm"), "P2 2 2 255 0 0 0 0");
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(_folder));
        Assert.Contains(Path.Combine(_folder, "b", "2.pgm"), e.Message);
        Assert.Contains("2x2", e.Message);
    }

    [Fact]
    public void Image_folder_needs_two_classes()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "only"));
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Load(_folder));
        Assert.Contains("at least 2", e.Message);
    }
}
