using System.Globalization;
using System.Text;

namespace NasPlatform.Datasets.Images;

/// <summary>
/// Reads Netpbm grey maps and pixmaps: PGM (P2 text, P5 binary) and PPM (P3 text, P6 binary), with a
/// maximum value up to 65535 (16-bit samples are scaled to 8 bits).
/// </summary>
public static class NetpbmReader
{
    public static DecodedImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        var magic = Token(bytes, ref position, path);
        var (channels, binary) = magic switch
        {
            "P2" => (1, false),
            "P5" => (1, true),
            "P3" => (3, false),
            "P6" => (3, true),
            _ => throw Error(path, $"the magic number is '{magic}'; supported are P2/P5 (PGM) and P3/P6 (PPM)"),
        };
        var width = Number(bytes, ref position, path, "width");
        var height = Number(bytes, ref position, path, "height");
        var max = Number(bytes, ref position, path, "maximum value");
        if (width < 1 || height < 1 || max is < 1 or > 65535)
        {
            throw Error(path, $"width {width}, height {height} and maximum value {max} must be positive (maximum at most 65535)");
        }

        var samples = checked(width * height * channels);
        var interleaved = new int[samples];
        if (binary)
        {
            position++; // exactly one whitespace byte separates the header from the raster
            var size = max > 255 ? 2 : 1;
            if (bytes.Length - position < (long)samples * size)
            {
                throw Error(path, $"the header declares {width}x{height}x{channels} samples of {size} byte(s) but only {bytes.Length - position} bytes follow (truncated?)");
            }

            for (var i = 0; i < samples; i++)
            {
                interleaved[i] = size == 1 ? bytes[position + i] : (bytes[position + 2 * i] << 8) | bytes[position + 2 * i + 1];
            }
        }
        else
        {
            for (var i = 0; i < samples; i++)
            {
                interleaved[i] = Number(bytes, ref position, path, $"sample {i + 1} of {samples}");
            }
        }

        var pixels = new byte[samples];
        var plane = width * height;
        for (var i = 0; i < samples; i++)
        {
            var value = Math.Min(interleaved[i], max);
            pixels[(i % channels) * plane + i / channels] = (byte)((value * 255 + max / 2) / max);
        }

        return new DecodedImage(width, height, channels, pixels);
    }

    private static int Number(byte[] bytes, ref int position, string path, string what)
    {
        var token = Token(bytes, ref position, path);
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(path, $"the {what} is '{token}', not a whole number");
    }

    private static string Token(byte[] bytes, ref int position, string path)
    {
        while (position < bytes.Length)
        {
            if (bytes[position] == '#')
            {
                while (position < bytes.Length && bytes[position] != '\n')
                {
                    position++;
                }
            }
            else if (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }
            else
            {
                break;
            }
        }

        var start = position;
        while (position < bytes.Length && !char.IsWhiteSpace((char)bytes[position]))
        {
            position++;
        }

        return position > start
            ? Encoding.ASCII.GetString(bytes, start, position - start)
            : throw Error(path, "it ends in the middle of the header or raster (truncated?)");
    }

    private static InvalidDataException Error(string path, string what) => new($"Netpbm file {path}: {what}.");
}
