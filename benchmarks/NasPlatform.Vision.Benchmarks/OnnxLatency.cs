using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Export;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Torch;
using static TorchSharp.torch;

namespace NasPlatform.Vision.Benchmarks;

/// <summary>
/// `onnx-latency FOLDER [REPEATS]`: milliseconds per image of a final model (FOLDER: candidate.json, model.bin) in
/// TorchSharp (evaluation mode, no gradients) and, exported to ONNX, in ONNX Runtime, one thread each, at batch 1 and
/// 64, on real test images; the median of REPEATS timed runs after 5 untimed ones, as one JSON line.
/// </summary>
internal static class OnnxLatency
{
    public static void Run(string folder, int repeats)
    {
        TorchRuntime.EnsureAvailable();
        TorchThreads.UseHostDefault();
        var data = VisionData.FashionMnistFrom(UncachedComponentCache.Instance, FashionMnist.DefaultFolder);
        var candidate = VisionCandidate.Parse(Candidate.Parse(File.ReadAllText(Path.Combine(folder, "candidate.json"))));
        var network = candidate.Network(1, 28, 10);
        using var model = NetworkBuilder.Build(network, candidate.Recipe.Dropout, seed: 0);
        model.load(Path.Combine(folder, "model.bin"));
        model.eval();
        var onnx = Path.Combine(Path.GetTempPath(), $"latency-{Environment.ProcessId}.onnx");
        OnnxExporter.Write(onnx, network, model, data.Normalization, data.ClassNames);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        using var session = new InferenceSession(onnx, options);
        File.Delete(onnx);
        var raw = FashionMnist.Load().Test;
        var results = new List<string>();
        foreach (var batch in new[] { 1, 64 })
        {
            using var x = tensor(data.Test.Pixels.AsSpan(0, batch * 784).ToArray(), [batch, 1, 28, 28]);
            var torchMs = Median(repeats, () =>
            {
                using var noGrad = no_grad();
                using var logits = model.forward(x);
                _ = logits.data<float>()[0];
            }) / batch;
            var pixels = new DenseTensor<float>([batch, 1, 28, 28]);
            for (var i = 0; i < batch * 784; i++)
            {
                pixels.Buffer.Span[i] = raw.Pixels[i];
            }

            var input = new[] { NamedOnnxValue.CreateFromTensor(OnnxExporter.InputName, pixels) };
            var ortMs = Median(repeats, () =>
            {
                using var output = session.Run(input);
            }) / batch;
            results.Add(string.Create(CultureInfo.InvariantCulture,
                $"\"batch{batch}\":{{\"torchsharp_ms_per_image\":{torchMs:F4},\"onnxruntime_ms_per_image\":{ortMs:F4},\"ratio\":{torchMs / ortMs:F3}}}"));
        }

        Console.WriteLine($"{{\"model\":\"{folder}\",{string.Join(",", results)}}}");
    }

    private static double Median(int repeats, Action run)
    {
        for (var i = 0; i < 5; i++)
        {
            run();
        }

        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }
}
