using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NasPlatform.Datasets.Images;

/// <summary>
/// A small PNG decoder on the BCL's zlib (no image library is among this project's allowed packages):
/// non-interlaced images of bit depth 8 or 16 in grey, grey+alpha, RGB, RGBA, or 8-bit palette. Alpha is
/// dropped; 16-bit samples keep their high byte. Other files get a clear error naming what is unsupported.
/// </summary>
public static class PngReader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static DecodedImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw Error(path, "it does not start with the PNG signature");
        }

        int width = 0, height = 0, depth = 0, colorType = -1;
        byte[]? palette = null;
        using var compressed = new MemoryStream();
        var position = 8;
        var ended = false;
        while (!ended)
        {
            if (bytes.Length - position < 12)
            {
                throw Error(path, $"it ends at byte {position} without an IEND chunk (truncated?)");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(position));
            var type = Encoding.ASCII.GetString(bytes, position + 4, 4);
            if (length < 0 || bytes.Length - position - 12 < length)
            {
                throw Error(path, $"chunk {type} at byte {position} declares {length} bytes but the file is shorter (truncated?)");
            }

            var data = bytes.AsSpan(position + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                    {
                        throw Error(path, "it is interlaced (Adam7); save it without interlacing");
                    }

                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            position += 12 + length;
        }

        var samplesPerPixel = colorType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => throw Error(path, $"colour type {colorType} is not a PNG colour type"),
        };
        if (!(depth == 8 || (depth == 16 && colorType != 3)))
        {
            throw Error(path, $"bit depth {depth} with colour type {colorType} is not supported (use 8-bit, or 16-bit non-palette)");
        }

        if (colorType == 3 && palette is null)
        {
            throw Error(path, "it is a palette image without a PLTE chunk");
        }

        var bytesPerPixel = samplesPerPixel * depth / 8;
        var stride = checked(width * bytesPerPixel);
        var raw = Inflate(compressed, path, checked((stride + 1) * height));
        Unfilter(raw, stride, height, bytesPerPixel, path);
        return ToImage(raw, width, height, stride, colorType, depth, samplesPerPixel, palette, path);
    }

    private static byte[] Inflate(MemoryStream compressed, string path, int expected)
    {
        compressed.Position = 0;
        var raw = new byte[expected];
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            var total = 0;
            int n;
            while (total < expected && (n = zlib.Read(raw, total, expected - total)) > 0)
            {
                total += n;
            }

            if (total < expected)
            {
                throw Error(path, $"the image data holds {total} bytes, {expected} expected (truncated?)");
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("PNG file", StringComparison.Ordinal))
        {
            throw Error(path, $"the compressed image data is corrupt ({e.Message})");
        }

        return raw;
    }

    private static void Unfilter(byte[] raw, int stride, int height, int bpp, string path)
    {
        for (var y = 0; y < height; y++)
        {
            var row = y * (stride + 1) + 1;
            var previous = row - stride - 1;
            var filter = raw[row - 1];
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bpp ? raw[row + x - bpp] : 0;
                int up = y > 0 ? raw[previous + x] : 0;
                int upLeft = y > 0 && x >= bpp ? raw[previous + x - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw Error(path, $"row {y} has filter type {filter}, not 0-4"),
                };
                raw[row + x] = (byte)(raw[row + x] + predictor);
            }
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static DecodedImage ToImage(byte[] raw, int width, int height, int stride, int colorType, int depth, int samplesPerPixel, byte[]? palette, string path)
    {
        var channels = colorType is 2 or 3 or 6 ? 3 : 1;
        var plane = width * height;
        var pixels = new byte[plane * channels];
        var sampleBytes = depth / 8;
        for (var y = 0; y < height; y++)
        {
            var row = y * (stride + 1) + 1;
            for (var x = 0; x < width; x++)
            {
                var at = row + x * samplesPerPixel * sampleBytes;
                if (colorType == 3)
                {
                    var index = raw[at];
                    if (3 * index + 2 >= palette!.Length)
                    {
                        throw Error(path, $"pixel ({x}, {y}) uses palette entry {index}, beyond the {palette.Length / 3} entries");
                    }

                    for (var c = 0; c < 3; c++)
                    {
                        pixels[c * plane + y * width + x] = palette[3 * index + c];
                    }
                }
                else
                {
                    for (var c = 0; c < channels; c++)
                    {
                        pixels[c * plane + y * width + x] = raw[at + c * sampleBytes];
                    }
                }
            }
        }

        return new DecodedImage(width, height, channels, pixels);
    }

    private static InvalidDataException Error(string path, string what) => new($"PNG file {path}: {what}.");
}
