using System.IO.Compression;

namespace NasPlatform.Cli.Tests;

/// <summary>Real Fashion-MNIST images (from the Debian package) as a small image-folder dataset for CLI runs of the vision plugin.</summary>
public static class FashionMnistSubset
{
    /// <summary>The first 1,200 training and 300 test images of the installed Fashion-MNIST, as image folders (one PGM per image, a folder per class).</summary>
    public static void Write(string folder)
    {
        foreach (var (split, name, count) in new[] { ("train", "train", 1200), ("t10k", "test", 300) })
        {
            var images = Read($"{split}-images-idx3-ubyte.gz", 16, count * 28 * 28);
            var labels = Read($"{split}-labels-idx1-ubyte.gz", 8, count);
            for (var i = 0; i < count; i++)
            {
                var classFolder = Directory.CreateDirectory(Path.Combine(folder, name, $"class-{labels[i]}")).FullName;
                using var file = File.Create(Path.Combine(classFolder, $"{i:00000}.pgm"));
                file.Write("P5\n28 28\n255\n"u8);
                file.Write(images.AsSpan(i * 28 * 28, 28 * 28));
            }
        }

        static byte[] Read(string file, int header, int length)
        {
            using var input = new GZipStream(File.OpenRead(Path.Combine("/usr/share/datasets/fashion-mnist", file)), CompressionMode.Decompress);
            var bytes = new byte[header + length];
            input.ReadExactly(bytes);
            return bytes[header..];
        }
    }
}
