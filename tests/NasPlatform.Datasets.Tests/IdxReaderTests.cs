using System.Buffers.Binary;
using System.IO.Compression;
using NasPlatform.Datasets;

namespace NasPlatform.Datasets.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idx-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Idx(byte type, int[] dimensions, byte[] values)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)dimensions.Length };
        var word = new byte[4];
        foreach (var d in dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, d);
            bytes.AddRange(word);
        }

        bytes.AddRange(values);
        return [.. bytes];
    }

    private string Write(string name, byte[] content, bool gzip = false)
    {
        var path = Path.Combine(_folder, name);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(content);
        }
        else
        {
            File.WriteAllBytes(path, content);
        }

        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_dimensions_big_endian_and_values_in_row_major_order(bool gzip)
    {
        // 300 rows checks that dimensions are big-endian (0x0000012C, not 0x2C010000).
        var values = Enumerable.Range(0, 300 * 2 * 3).Select(i => (byte)(i * 7)).ToArray();
        var path = Write("images.idx", Idx(0x08, [300, 2, 3], values), gzip);

        var idx = IdxReader.Read(path);

        Assert.Equal([300, 2, 3], idx.Dimensions);
        Assert.Equal(300, idx.Count);
        Assert.Equal(6, idx.ItemSize);
        Assert.Equal(values, idx.Values);
        Assert.Equal(path, idx.Path);
    }

    [Fact]
    public void Reads_one_dimensional_labels()
    {
        var idx = IdxReader.Read(Write("labels.idx", Idx(0x08, [4], [3, 1, 4, 1])));

        Assert.Equal([4], idx.Dimensions);
        Assert.Equal(1, idx.ItemSize);
        Assert.Equal(new byte[] { 3, 1, 4, 1 }, idx.Values);
    }

    [Fact]
    public void Wrong_magic_names_the_file_and_the_bytes()
    {
        var path = Write("bad-magic", [0x12, 0x34, 0x08, 0x01, 0, 0, 0, 0]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("0x1234", e.Message);
    }

    [Fact]
    public void Unsupported_data_type_is_named()
    {
        var path = Write("floats", Idx(0x0D, [1], [0, 0, 0, 0]));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("float32", e.Message);
        Assert.Contains("0x08", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_data_says_how_many_values_are_missing(bool gzip)
    {
        var path = Write("short", Idx(0x08, [2, 2, 2], [1, 2, 3, 4, 5]), gzip);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("2 x 2 x 2 = 8 values", e.Message);
        Assert.Contains("only 5", e.Message);
    }

    [Fact]
    public void Truncated_header_is_reported()
    {
        var path = Write("header", [0, 0, 0x08, 3, 0, 0, 0, 9, 0, 0]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("dimension 2 of 3", e.Message);
    }

    [Fact]
    public void Trailing_bytes_are_reported()
    {
        var path = Write("long", Idx(0x08, [2], [1, 2, 3]));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("bytes after the 2 values", e.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var path = Path.Combine(_folder, "absent.idx");

        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(path));

        Assert.Contains(path, e.Message);
    }
}
