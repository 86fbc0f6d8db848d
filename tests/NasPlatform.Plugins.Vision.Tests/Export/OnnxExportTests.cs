using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Export;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace NasPlatform.Plugins.Vision.Tests.Export;

/// <summary>
/// Every kind of network the spaces build, trained for a few steps on real Fashion-MNIST (so the batch-norm statistics
/// are not the initial ones), exported to ONNX and run in ONNX Runtime on real test images given as raw pixels:
/// the logits match TorchSharp's on the normalized images to 1e-4.
/// </summary>
public sealed class OnnxExportTests(ITestOutputHelper output)
{
    internal const double Tolerance = 1e-4;

    private static readonly TrainingRecipe Recipe = TrainingRecipe.Default with { Epochs = 1, BatchSize = 32 };

    public static TheoryData<string> Networks => [.. Specs.Keys];

    private static readonly Dictionary<string, NetworkSpec> Specs = new()
    {
        ["mbconv, SE, h-swish, residual"] = new VisionCandidate(null, 16,
        [
            new StageGenes(2, 16, 1, 4, 3, true, Activation.HardSwish),
            new StageGenes(1, 24, 2, 1, 5, false, Activation.Relu),
            new StageGenes(1, 32, 2, 6, 3, true, Activation.HardSwish),
        ], 64, Recipe).Network(1, 28, 10),
        ["fused-mbconv, SE, expansion 1 and 3"] = new VisionCandidate(null, 16,
        [
            new StageGenes(2, 16, 1, 1, 3, true, Activation.Relu, BlockKind.Fused),
            new StageGenes(1, 32, 2, 3, 3, false, Activation.HardSwish, BlockKind.Fused),
            new StageGenes(1, 48, 2, 4, 5, true, Activation.HardSwish, BlockKind.Fused),
        ], 0, Recipe).Network(1, 28, 10),
        [Baselines.LeNet5] = new(1, 28, Baselines.Layers(Baselines.LeNet5, 10)),
        [Baselines.TwoConv] = new(1, 28, Baselines.Layers(Baselines.TwoConv, 10)),
        [Baselines.SmallResNet] = new(1, 28, Baselines.Layers(Baselines.SmallResNet, 10)),
        [Baselines.MobileNetV2] = new(1, 28, Baselines.Layers(Baselines.MobileNetV2, 10)),
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Onnx_runtime_gives_torchsharps_logits_on_real_images(string name)
    {
        TorchFixture.Ensure();
        var data = VisionData.FashionMnistFrom(TestCache.Shared, FashionMnist.DefaultFolder);
        var network = Specs[name];
        using var trained = Trainer.Fit(network, Recipe, data.Train, Enumerable.Range(0, 256).ToArray(), 10, 1, seed: 3);
        var path = Path.Combine(Path.GetTempPath(), $"onnx-export-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExporter.Write(path, network, trained.Model, data.Normalization, data.ClassNames);
            var difference = MaxDifference(path, trained.Model, data, 0, 64);
            output.WriteLine($"{name}: largest logit difference {difference:E2} on 64 test images");
            Assert.True(difference <= Tolerance, $"ONNX Runtime and TorchSharp logits differ by {difference} (tolerance {Tolerance})");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>ONNX Runtime's logits for raw test images <paramref name="first"/>… (one batch), as an application runs them.</summary>
    internal static float[] OnnxLogits(InferenceSession session, int first, int count)
    {
        var raw = FashionMnist.Load().Test;
        var pixels = new DenseTensor<float>([count, 1, 28, 28]);
        for (var i = 0; i < count; i++)
        {
            var image = raw.Image(first + i);
            for (var p = 0; p < image.Length; p++)
            {
                pixels.Buffer.Span[i * image.Length + p] = image[p];
            }
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExporter.InputName, pixels)]);
        return [.. results.Single(r => r.Name == OnnxExporter.OutputName).AsEnumerable<float>()];
    }

    /// <summary>TorchSharp's logits for normalized test images <paramref name="first"/>….</summary>
    internal static float[] TorchLogits(nn.Module<Tensor, Tensor> model, ImageSet test, int first, int count)
    {
        model.eval();
        using var noGrad = no_grad();
        using var x = tensor(test.Pixels.AsSpan(first * test.ValuesPerImage, count * test.ValuesPerImage).ToArray(), [count, test.Channels, test.Size, test.Size]);
        using var logits = model.forward(x);
        return logits.data<float>().ToArray();
    }

    internal static double MaxDifference(string onnx, nn.Module<Tensor, Tensor> model, VisionData data, int first, int count)
    {
        using var session = new InferenceSession(onnx);
        var ort = OnnxLogits(session, first, count);
        var torch = TorchLogits(model, data.Test, first, count);
        Assert.Equal(torch.Length, ort.Length);
        return ort.Zip(torch, (a, b) => Math.Abs((double)a - b)).Max();
    }
}
