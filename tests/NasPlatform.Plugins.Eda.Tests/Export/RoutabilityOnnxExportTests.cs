using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Def;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Lef;
using NasPlatform.Plugins.Eda.Export;
using NasPlatform.Plugins.Eda.Models;
using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Plugins.Eda.Tests.Training;
using NasPlatform.Plugins.Eda.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Eda.Tests.Export;

/// <summary>
/// Every kind of routability network (each down-sampling, skip and up-sampling kind, dilated and multi-conv stages,
/// both baselines) trained for two epochs on the planted-signal dataset (so batch norm holds trained running
/// statistics), saved as a trial saves it, loaded back, exported to ONNX and run in ONNX Runtime on unscaled feature
/// maps: real maps extracted from the mul3 fixture placement (osu018 cells; 2 and 3 routing layers, with and
/// without a blockage) and the dataset's held-out maps. Both heads match TorchSharp's logits to 1e-4.
/// </summary>
public sealed class RoutabilityOnnxExportTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-4;

    private const int Grid = 8;

    private static readonly TrainingRecipe Recipe = new(5e-3, 1e-4, 2, 8, 1.0);

    private readonly string _root = SyntheticDataset.Write(Path.Combine(Path.GetTempPath(), "nas-eda-onnx-" + Guid.NewGuid().ToString("N")), designs: 4, perDesign: 6, grid: Grid);

    public static TheoryData<string> Networks => [.. Nets.Keys];

    private static readonly Dictionary<string, RoutabilityNet> Nets = new()
    {
        ["max+concat, avg+add (2 convs, dilation 2), nearest"] = new(
            [new EncoderStage(8, 3, 1, 1, "max", "concat"), new EncoderStage(16, 5, 2, 2, "avg", "add")], "nearest", 3, Recipe),
        ["strided+add (dilation 2), max+none, bilinear"] = new(
            [new EncoderStage(8, 3, 2, 1, "strided", "add"), new EncoderStage(16, 3, 1, 1, "max", "none")], "bilinear", 5, Recipe),
        ["avg+none (2 convs), strided+concat, max+add, transposed"] = new(
            [new EncoderStage(8, 5, 1, 2, "avg", "none"), new EncoderStage(16, 3, 1, 1, "strided", "concat"), new EncoderStage(16, 3, 2, 1, "max", "add")], "transposed", 3, Recipe),
        ["routenet"] = Baselines.RouteNet(Recipe),
        ["plain-cnn"] = Baselines.PlainCnn(Recipe),
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [MemberData(nameof(Networks))]
    public void Onnx_runtime_gives_torchsharps_ratio_and_hotspot_logits(string name)
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var net = Nets[name];
        var data = RoutabilityData.Load(_root, ["syn1"], ["syn2"], 1, 0);
        var weights = Path.Combine(_root, "model.bin");
        var onnx = Path.Combine(_root, "model.onnx");
        RoutabilityTrainer.TrainAndScore(net, data, 1, 1, 5, null, CancellationToken.None, weights);
        using var model = new RoutabilityModel(net, data.Channels, new Random(99));
        model.load(weights);
        model.eval();
        RoutabilityOnnxExporter.Write(onnx, net, model, data.Scaling);

        var raw = RealFeatureMaps().Concat(data.Test.Select(s => SampleFiles.ReadFloats(SampleFiles.FeaturesPath(_root, s.Key), data.Channels * Grid * Grid))).ToList();
        var (ortRatio, ortHotspot) = RunOnnx(onnx, raw, data.Channels);
        var (torchRatio, torchHotspot) = RunTorch(model, raw, data.Scaling);

        var ratioDifference = ortRatio.Zip(torchRatio, (a, b) => Math.Abs((double)a - b)).Max();
        var hotspotDifference = ortHotspot.Zip(torchHotspot, (a, b) => Math.Abs((double)a - b)).Max();
        output.WriteLine($"{name}: {raw.Count} maps, largest difference: ratio logit {ratioDifference:E2}, hotspot logit {hotspotDifference:E2}");
        Assert.Equal(torchRatio.Length, ortRatio.Length);
        Assert.Equal(torchHotspot.Length, ortHotspot.Length);
        Assert.True(ratioDifference <= Tolerance, $"ratio logits differ by {ratioDifference}");
        Assert.True(hotspotDifference <= Tolerance, $"hotspot logits differ by {hotspotDifference}");
        // The maps differ, so the comparison is not between constants.
        Assert.True(torchRatio.Max() - torchRatio.Min() > 1e-3, "the network gives every map the same ratio");
    }

    /// <summary>The mul3 fixture placement's feature maps (channels in dataset order, unscaled) under four routing conditions.</summary>
    internal static IEnumerable<float[]> RealFeatureMaps()
    {
        var placement = Placement.Build(DefReader.Read(Fixtures.PlacedDef), LefReader.Read(Fixtures.Lef));
        var die = placement.Die;
        var blockage = new RoutingObstruction(new NasPlatform.Eda.Geometry.Rect(die.X0, die.Y0, die.X0 + die.Width / 2, die.Y0 + die.Height / 2), 2);
        foreach (var (layers, obstructions) in new (int, RoutingObstruction[])[] { (2, []), (3, []), (2, [blockage]), (3, [blockage]) })
        {
            var maps = FeatureExtractor.Extract(placement, new FeatureOptions { GridSize = Grid }, layers, obstructions, null);
            yield return [.. FeatureChannels.All.SelectMany(c => maps[c])];
        }
    }

    private static (float[] Ratio, float[] Hotspot) RunOnnx(string path, List<float[]> raw, int channels)
    {
        using var session = new InferenceSession(path);
        var input = new DenseTensor<float>([raw.Count, channels, Grid, Grid]);
        for (var i = 0; i < raw.Count; i++)
            raw[i].CopyTo(input.Buffer.Span[(i * raw[i].Length)..]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(RoutabilityOnnxExporter.InputName, input)]);
        float[] Output(string name) => [.. results.Single(r => r.Name == name).AsEnumerable<float>()];
        var ratio = Output(RoutabilityOnnxExporter.RatioLogitName);
        // The probability outputs are the sigmoids of the logits.
        Assert.Equal(ratio.Select(v => 1 / (1 + Math.Exp(-v))), Output(RoutabilityOnnxExporter.RatioName).Select(v => (double)v), new Close(1e-6));
        return (ratio, Output(RoutabilityOnnxExporter.HotspotLogitsName));
    }

    /// <summary>TorchSharp on the maps scaled as <see cref="RoutabilityData"/> scales them.</summary>
    private static (float[] Ratio, float[] Hotspot) RunTorch(RoutabilityModel model, List<float[]> raw, FeatureScaling scaling)
    {
        var tiles = Grid * Grid;
        var scaled = raw.SelectMany(r => r.Select((v, i) => Math.Min(v / scaling.Scales[i / tiles], scaling.Clip))).ToArray();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (ratio, hotspot) = model.call(tensor(scaled, [raw.Count, scaling.Channels.Count, Grid, Grid]));
        return (ratio.data<float>().ToArray(), hotspot.contiguous().data<float>().ToArray());
    }

    private sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
