namespace NasPlatform.Datasets.Images;

/// <summary>One decoded image: 8 bits per channel, channel-major (all of channel 0 row by row, then channel 1, ...).</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="Channels">1 (grey) or 3 (RGB).</param>
/// <param name="Pixels">Width x Height x Channels bytes.</param>
public sealed record DecodedImage(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>The image with one grey channel (ITU-R BT.601 luma), or itself when already grey.</summary>
    public DecodedImage ToGrey()
    {
        if (Channels == 1)
        {
            return this;
        }

        var plane = Width * Height;
        var grey = new byte[plane];
        for (var i = 0; i < plane; i++)
        {
            grey[i] = (byte)Math.Round(0.299 * Pixels[i] + 0.587 * Pixels[plane + i] + 0.114 * Pixels[2 * plane + i]);
        }

        return new DecodedImage(Width, Height, 1, grey);
    }

    /// <summary>The image with three channels (grey copied into R, G and B), or itself when already RGB.</summary>
    public DecodedImage ToRgb()
    {
        if (Channels == 3)
        {
            return this;
        }

        var plane = Width * Height;
        var rgb = new byte[3 * plane];
        for (var c = 0; c < 3; c++)
        {
            Pixels.AsSpan(0, plane).CopyTo(rgb.AsSpan(c * plane, plane));
        }

        return new DecodedImage(Width, Height, 3, rgb);
    }
}
