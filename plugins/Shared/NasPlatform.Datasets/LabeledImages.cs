namespace NasPlatform.Datasets;

/// <summary>
/// Images of one byte per pixel and channel (channel-major within an image: all of channel 0 row by row, then
/// channel 1, ...; image after image) with one label each. Grey-scale data sets have one channel.
/// </summary>
public sealed class LabeledImages
{
    public LabeledImages(byte[] pixels, byte[] labels, int rows, int columns)
        : this(pixels, labels, rows, columns, channels: 1)
    {
    }

    public LabeledImages(byte[] pixels, byte[] labels, int rows, int columns, int channels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if ((long)labels.Length * rows * columns * channels != pixels.Length)
        {
            throw new ArgumentException($"{labels.Length} labels of {channels}x{rows}x{columns} images need {(long)labels.Length * rows * columns * channels} pixels, not {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        Labels = labels;
        Rows = rows;
        Columns = columns;
        Channels = channels;
    }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>1 for grey-scale, 3 for RGB.</summary>
    public int Channels { get; }

    /// <summary>Number of distinct labels: the largest label + 1.</summary>
    public int ClassCount => Labels.Length == 0 ? 0 : Labels.Max() + 1;

    public int Count => Labels.Length;

    /// <summary>Bytes per image: rows x columns x channels.</summary>
    public int PixelsPerImage => Rows * Columns * Channels;

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    /// <summary>Indices of the images whose label is <paramref name="label"/>, in file order.</summary>
    public int[] IndicesOf(int label)
    {
        var indices = new List<int>();
        for (var i = 0; i < Labels.Length; i++)
        {
            if (Labels[i] == label)
            {
                indices.Add(i);
            }
        }

        return [.. indices];
    }
}
