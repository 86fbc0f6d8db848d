using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Data;

/// <summary>
/// Normalized images in managed memory (float, channel-major, image after image) with their labels. Batches are
/// assembled from it per step (with augmentation), which keeps every random choice on the trial's
/// <see cref="Random"/>.
/// </summary>
public sealed class ImageSet
{
    public ImageSet(float[] pixels, byte[] labels, int channels, int size)
    {
        if ((long)labels.Length * channels * size * size != pixels.Length)
        {
            throw new ArgumentException($"{labels.Length} images of {channels}x{size}x{size} need {(long)labels.Length * channels * size * size} values, not {pixels.Length}.");
        }

        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Size = size;
    }

    public float[] Pixels { get; }

    public byte[] Labels { get; }

    public int Channels { get; }

    /// <summary>Side of the square images in pixels.</summary>
    public int Size { get; }

    public int Count => Labels.Length;

    public int ValuesPerImage => Channels * Size * Size;

    public ReadOnlySpan<float> Image(int index) => Pixels.AsSpan(index * ValuesPerImage, ValuesPerImage);

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public ImageSet Subset(IReadOnlyList<int> indices)
    {
        var pixels = new float[indices.Count * ValuesPerImage];
        var labels = new byte[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Image(indices[i]).CopyTo(pixels.AsSpan(i * ValuesPerImage));
            labels[i] = Labels[indices[i]];
        }

        return new ImageSet(pixels, labels, Channels, Size);
    }

    /// <summary>The images resized to <paramref name="size"/>² (bilinear with antialiasing, as EcoNAS's resolution reduction).</summary>
    public ImageSet Resized(int size)
    {
        if (size == Size)
        {
            return this;
        }

        using var scope = NewDisposeScope();
        var source = tensor(Pixels, [Count, Channels, Size, Size]);
        var resized = nn.functional.interpolate(source, [size, size], mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
        return new ImageSet(resized.contiguous().data<float>().ToArray(), Labels, Channels, size);
    }
}
