namespace NasPlatform.Plugins.Quantum.Data;

/// <summary>Grey-scale images (one byte per pixel, row-major, image after image) with one label each.</summary>
public sealed class LabeledImages
{
    public LabeledImages(byte[] pixels, byte[] labels, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if ((long)labels.Length * rows * columns != pixels.Length)
        {
            throw new ArgumentException($"{labels.Length} labels of {rows}x{columns} images need {(long)labels.Length * rows * columns} pixels, not {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        Labels = labels;
        Rows = rows;
        Columns = columns;
    }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public int Rows { get; }

    public int Columns { get; }

    public int Count => Labels.Length;

    public int PixelsPerImage => Rows * Columns;

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
