using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NasPlatform.Datasets;

namespace NasPlatform.Plugins.Vision.Tests.Export;

/// <summary>
/// The README's lines for a .NET application classifying an image with an exported model are the lines of
/// <see cref="Classify"/> (between the markers), run here on the committed 40k model and a real test image.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private const string Begin = "// README: begin";
    private const string End = "// README: end";

    [Fact]
    public void The_readme_snippet_classifies_a_real_image_with_an_exported_model()
    {
        TorchFixture.Ensure();
        var folder = Path.Combine(Root, "benchmarks", "NasPlatform.Vision.Benchmarks", "results", "cpu-2026-11-28", "100k");
        var path = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.onnx");
        try
        {
            CommittedModelOnnxTests.Export(folder, path);
            var test = FashionMnist.Load().Test;
            // Test image 0 is an ankle boot, which the model classifies right.
            Assert.Equal("Ankle boot", Classify(path, test.Image(0).ToArray()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_readme_shows_the_lines_the_test_runs()
    {
        var source = File.ReadAllText(Path.Combine(Root, "tests", "NasPlatform.Plugins.Vision.Tests", "Export", "ReadmeSnippetTests.cs"));
        var start = source.IndexOf(Begin + "\n", StringComparison.Ordinal) + Begin.Length + 1;
        var lines = source[start..source.IndexOf(End, start, StringComparison.Ordinal)]
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        // Compared line by line without indentation.
        var readme = string.Join("\n", File.ReadAllLines(Path.Combine(Root, "README.md")).Select(l => l.Trim()));
        Assert.True(lines.Count is >= 8 and <= 12, $"{lines.Count} lines");
        Assert.Contains(string.Join("\n", lines), readme, StringComparison.Ordinal);
    }

    private static string Classify(string modelPath, byte[] image)
    {
        // README: begin
        using var session = new InferenceSession(modelPath);
        var classes = session.ModelMetadata.CustomMetadataMap["classes"].Split(',');
        var pixels = new DenseTensor<float>([1, 1, 28, 28]);      // batch, channels, rows, columns
        for (var i = 0; i < image.Length; i++)
            pixels.Buffer.Span[i] = image[i];                     // raw grey values 0-255, row by row
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("pixels", pixels)]);
        var logits = results[0].AsEnumerable<float>().ToArray();
        var label = classes[Array.IndexOf(logits, logits.Max())];
        // README: end
        return label;
    }

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
        }
    }
}
