using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>Where the images come from and how training runs: the options the <c>train</c> and <c>dna-rating</c> evaluators share.</summary>
public record VisionDataOptions
{
    /// <summary>The kind of dataset: an MNIST-style folder of IDX files, or one subfolder of images per class.</summary>
    [Description("fashion-mnist (any MNIST-style folder of the four IDX files) or image-folder (one subfolder per class).")]
    [AllowedValues("fashion-mnist", "image-folder")]
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>fashion-mnist: the folder of the IDX files; null: the Debian package's folder.</summary>
    [Description("Folder of train-images-idx3-ubyte(.gz) etc.; default /usr/share/datasets/fashion-mnist (apt-get install dataset-fashion-mnist).")]
    [MinLength(1)]
    public string? DataFolder { get; init; }

    /// <summary>image-folder: the training images, one subfolder per class.</summary>
    [Description("image-folder: the training images, one subfolder per class (PNG, PGM, PPM).")]
    [MinLength(1)]
    public string? TrainFolder { get; init; }

    /// <summary>image-folder: the test images, same class subfolders.</summary>
    [Description("image-folder: the test images, same class subfolders.")]
    [MinLength(1)]
    public string? TestFolder { get; init; }

    /// <summary>The last N training images are the search's validation split.</summary>
    [Description("The last N training images are the search's validation split.")]
    [Range(1, int.MaxValue)]
    public int ValidationSize { get; init; } = 10000;

    /// <summary>LibTorch threads; 1 lets workers run in parallel instead.</summary>
    [Description("LibTorch threads (1: run workers in parallel instead).")]
    [Range(1, 64)]
    public int Threads { get; init; } = 1;
}
