using System.Diagnostics;
using System.Globalization;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Torch;
using static TorchSharp.torch;

// One measurement of the TorchSharp side of compare.sh: the 2-conv baseline (conv32-BN-ReLU-maxpool,
// conv64-BN-ReLU-maxpool, dropout, linear) on the first N Fashion-MNIST training images, one LibTorch thread,
// SGD momentum 0.9, batch 128; training and inference images per second, as one JSON line. torch_bench.py is
// the same loop in PyTorch. With a second argument "mbconv", the network is instead a searched MBConv
// candidate at full size (75,714 parameters, 10.8M MACs; allocator.sh uses it); "fused" is the same candidate
// with every stage made of Fused-MBConv blocks (blocks.sh compares the two per MAC).
//
// `test-accuracy CANDIDATE.json MODEL.bin` instead scores weights that `nas train-final` saved (on any device) on the
// official Fashion-MNIST test split, here on the CPU, so a GPU result can be checked where it is reported.
// `onnx-latency FOLDER [REPEATS]` times a final model in TorchSharp and ONNX Runtime (OnnxLatency.cs).
if (args.Length is 2 or 3 && args[0] == "onnx-latency")
{
    NasPlatform.Vision.Benchmarks.OnnxLatency.Run(args[1], args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50);
    return;
}

if (args.Length == 3 && args[0] == "test-accuracy")
{
    TorchRuntime.EnsureAvailable();
    var fashion = VisionData.FashionMnistFrom(UncachedComponentCache.Instance, FashionMnist.DefaultFolder);
    var saved = VisionCandidate.Parse(Candidate.Parse(File.ReadAllText(args[1])));
    using var trained = NetworkBuilder.Build(saved.Network(1, 28, 10), saved.Recipe.Dropout, seed: 0);
    trained.load(args[2]);
    var (accuracy, loss) = NasPlatform.Plugins.Vision.Training.Trainer.Evaluate(trained, fashion.Test);
    var (mirrorAccuracy, mirrorLoss) = NasPlatform.Plugins.Vision.Training.Trainer.Evaluate(trained, fashion.Test, mirror: true);
    Console.WriteLine(FormattableString.Invariant(
        $"{{\"test_accuracy\":{accuracy},\"test_loss\":{loss:F6},\"test_accuracy_mirror_tta\":{mirrorAccuracy},\"test_loss_mirror_tta\":{mirrorLoss:F6},\"images\":{fashion.Test.Count}}}"));
    return;
}

if (args.Length == 1 && args[0] == "maxpool")
{
    // The two max-pool layers of the compare.sh network, forward + backward, one thread: LibTorch's NCHW kernel, the
    // same values in channels-last strides, and our 2x2 loops (NasPlatform.Torch.Modules.MaxPool2d, what the networks
    // use). maxpool_probe.py times PyTorch's NCHW pool alike.
    TorchRuntime.EnsureAvailable();
    TorchThreads.UseHostDefault();
    foreach (var shape in new long[][] { [128, 32, 28, 28], [128, 64, 14, 14] })
    {
        using var nchw = randn(shape).relu().requires_grad_(true);
        using var nhwc = nchw.detach().permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2).requires_grad_(true);
        using var libtorch = nn.MaxPool2d(2, 2);
        using var ours = new NasPlatform.Torch.Modules.MaxPool2d(2);
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, input, pool) in new[] { ("nchw", nchw, (nn.Module<Tensor, Tensor>)libtorch), ("channels-last", nhwc, (nn.Module<Tensor, Tensor>)libtorch), ("nasplatform", nchw, (nn.Module<Tensor, Tensor>)ours) })
            {
                var clock = Stopwatch.StartNew();
                for (var k = 0; k < 50; k++)
                {
                    using var scope = NewDisposeScope();
                    pool.forward(input).sum().backward();
                    input.grad!.zero_();
                }

                Console.WriteLine($"{string.Join('x', shape)} {name}: {clock.Elapsed.TotalMilliseconds / 50:F2} ms per forward+backward");
            }
        }
    }

    return;
}

var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var networkName = args.Length > 1 ? args[1] : "twoconv";
// The searched candidate the "mbconv" network is built from.
const string MbConvCandidate = """
    {"architecture":{"head":256,"stages":[{"activation":"hswish","depth":2,"expansion":1,"kernel":3,"se":true,"stride":1,"width":32},{"activation":"hswish","depth":2,"expansion":3,"kernel":5,"se":false,"stride":2,"width":48},{"activation":"relu","depth":1,"expansion":1,"kernel":3,"se":true,"stride":2,"width":128}],"stem":16},"recipe":{"augment":0.0,"batchSize":128,"dropout":0.3,"ema":0.0,"epochs":20,"labelSmoothing":0.05,"learningRate":0.1,"mixup":0.2,"optimizer":"sgd","weightDecay":5E-05}}
    """;
const int batch = 128;
const int warmup = 10;
TorchRuntime.EnsureAvailable();
TorchThreads.UseHostDefault();
var data = VisionData.FashionMnistFrom(UncachedComponentCache.Instance, FashionMnist.DefaultFolder).Train;
var count = (steps + warmup) * batch;
using var images = tensor(data.Pixels.AsSpan(0, count * 784).ToArray(), [count, 1, 28, 28]);
using var labels = tensor(data.Labels.AsSpan(0, count).ToArray().Select(b => (long)b).ToArray(), [count]);
var network = networkName switch
{
    "twoconv" => new NetworkSpec(1, 28, Baselines.Layers(Baselines.TwoConv, 10)),
    "mbconv" => VisionCandidate.Parse(Candidate.Parse(MbConvCandidate)).Network(1, 28, 10),
    "fused" => Fused(VisionCandidate.Parse(Candidate.Parse(MbConvCandidate))).Network(1, 28, 10),
    _ => throw new ArgumentException($"unknown network '{networkName}': twoconv, mbconv or fused"),
};
using var model = NetworkBuilder.Build(network, 0.1, seed: 0);
using optim.Optimizer optimizer = new NasPlatform.Torch.Optimizers.SGD(model.parameters(), 0.01, momentum: 0.9);
model.train();

// Wall-clock and CPU-time throughput: on a machine loaded by other processes the wall clock measures them too,
// while the CPU time this one-thread process spends per image does not (compare.sh reports both).
(double Wall, double Cpu) Train(int first, int n)
{
    var cpu = CpuTime();
    var clock = Stopwatch.StartNew();
    for (var s = first; s < first + n; s++)
    {
        using var scope = NewDisposeScope();
        var x = images.narrow(0, s * batch, batch);
        var y = labels.narrow(0, s * batch, batch);
        var loss = nn.functional.cross_entropy(model.forward(x), y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    return (n * batch / clock.Elapsed.TotalSeconds, n * batch / (CpuTime() - cpu).TotalSeconds);
}

Train(0, warmup);
var (trainIps, trainCpuIps) = Train(warmup, steps);

model.eval();
double inferIps;
double inferCpuIps;
using (no_grad())
{
    const int inferBatch = 500;
    var batches = Math.Min(count / inferBatch, 20);
    for (var b = 0; b < 2; b++)
    {
        using var scope = NewDisposeScope();
        model.forward(images.narrow(0, b * inferBatch, inferBatch));
    }

    var cpu = CpuTime();
    var clock = Stopwatch.StartNew();
    for (var b = 0; b < batches; b++)
    {
        using var scope = NewDisposeScope();
        model.forward(images.narrow(0, b * inferBatch, inferBatch));
    }

    inferIps = batches * inferBatch / clock.Elapsed.TotalSeconds;
    inferCpuIps = batches * inferBatch / (CpuTime() - cpu).TotalSeconds;
}

var (parameterCount, macs) = NetworkStatistics.Count(network);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"framework": "torchsharp", "network": "{{networkName}}", "params": {{parameterCount}}, "macs": {{macs}}, "allocator_tuned": {{(TorchRuntime.AllocatorTuned ? "true" : "false")}}, "train_images_per_second": {{trainIps:0.0}}, "inference_images_per_second": {{inferIps:0.0}}, "train_images_per_cpu_second": {{trainCpuIps:0.0}}, "inference_images_per_cpu_second": {{inferCpuIps:0.0}}, "threads": {{get_num_threads()}}}"""));

static TimeSpan CpuTime()
{
    using var process = Process.GetCurrentProcess();
    return process.TotalProcessorTime;
}

static VisionCandidate Fused(VisionCandidate c) => c with { Stages = [.. c.Stages.Select(s => s with { Block = BlockKind.Fused })] };
