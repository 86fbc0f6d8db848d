namespace NasPlatform.Datasets.Images;

/// <summary>
/// A labelled image set laid out as one subfolder per class (<c>root/cat/001.png</c>, <c>root/dog/…</c>).
/// Classes are the subfolder names in ordinal order (label = position). Reads PNG, PGM and PPM; every
/// image must have the size of the first; colour images make the whole set RGB (grey ones are copied
/// into three channels), unless <c>grey</c> asks for one channel.
/// </summary>
public static class ImageFolder
{
    /// <summary>File extensions read (case-insensitive); other files are ignored.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".pgm", ".ppm"];

    /// <summary>Loads every image under <paramref name="root"/>'s class subfolders.</summary>
    /// <returns>The images and the class names by label.</returns>
    public static (LabeledImages Images, IReadOnlyList<string> ClassNames) Load(string root, bool grey = false)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Image folder {root} does not exist: it should hold one subfolder per class, with PNG/PGM/PPM images inside.");
        }

        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
        {
            throw new InvalidDataException($"Image folder {root} has {classes.Count} class subfolder(s); a classifier needs at least 2 (one subfolder per class).");
        }

        if (classes.Count > 256)
        {
            throw new InvalidDataException($"Image folder {root} has {classes.Count} class subfolders; at most 256 are supported.");
        }

        var images = new List<(DecodedImage Image, byte Label, string Path)>();
        for (var label = 0; label < classes.Count; label++)
        {
            var files = Directory.GetFiles(Path.Combine(root, classes[label]))
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new InvalidDataException($"Class folder {Path.Combine(root, classes[label])} holds no {string.Join("/", Extensions)} image.");
            }

            images.AddRange(files.Select(f => (Decode(f), (byte)label, f)));
        }

        var first = images[0].Image;
        var channels = grey ? 1 : images.Any(i => i.Image.Channels == 3) ? 3 : 1;
        var size = first.Width * first.Height * channels;
        var pixels = new byte[checked(size * images.Count)];
        var labels = new byte[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            var image = channels == 1 ? images[i].Image.ToGrey() : images[i].Image.ToRgb();
            if (image.Width != first.Width || image.Height != first.Height)
            {
                throw new InvalidDataException(
                    $"Image {images[i].Path} is {image.Width}x{image.Height} but {images[0].Path} is {first.Width}x{first.Height}; resize all images of the folder to one size.");
            }

            image.Pixels.CopyTo(pixels, i * size);
            labels[i] = images[i].Label;
        }

        return (new LabeledImages(pixels, labels, first.Height, first.Width, channels), classes);
    }

    /// <summary>Decodes one PNG, PGM or PPM file, chosen by its extension.</summary>
    public static DecodedImage Decode(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => PngReader.Read(path),
        ".pgm" or ".ppm" => NetpbmReader.Read(path),
        var other => throw new InvalidDataException($"Image {path}: extension '{other}' is not supported; use PNG, PGM or PPM."),
    };
}
