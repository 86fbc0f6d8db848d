using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// DNA's block rating: the teacher's activations before and after one block are computed once for a small sample
/// (training and validation images), then each candidate stage (built at the teacher's input width, with a 1x1
/// adapter to the teacher's output width where they differ) is trained to map one to the other (MSE, AdamW, a
/// <see cref="NewDisposeScope"/> per step, every random choice from the seed) and rated by its validation MSE.
/// Deterministic for a seed when LibTorch runs on one thread. Dispose it to free the cached activations.
/// </summary>
public sealed class BlockRater : IDisposable
{
    private readonly Tensor _trainInput;
    private readonly Tensor _trainOutput;
    private readonly Tensor _validationInput;
    private readonly Tensor _validationOutput;
    private readonly double _variance;

    /// <summary>Caches the teacher's activations around <paramref name="block"/> for the given images.</summary>
    public BlockRater(nn.Module<Tensor, Tensor> teacher, TeacherBlock block, ImageSet images, IReadOnlyList<int> trainIndices, IReadOnlyList<int> validationIndices)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(images);
        Block = block;
        var modules = teacher.children().Cast<nn.Module<Tensor, Tensor>>().ToList();
        (_trainInput, _trainOutput) = Activations(modules, block, images, trainIndices);
        (_validationInput, _validationOutput) = Activations(modules, block, images, validationIndices);
        _variance = _validationOutput.var().item<float>();
        if (!(_variance > 0))
        {
            throw new InvalidOperationException($"Teacher block {block.Index} outputs a constant on the validation images; it cannot be imitated.");
        }
    }

    public TeacherBlock Block { get; }

    /// <summary>The network a candidate stage becomes for this block: its blocks at the teacher's stride, then a 1x1 adapter if widths differ.</summary>
    public NetworkSpec StageNetwork(StageGenes stage) => StageNetwork(Block, stage);

    /// <summary>The network <paramref name="stage"/> becomes for teacher block <paramref name="block"/> (what its rating's parameters count).</summary>
    public static NetworkSpec StageNetwork(TeacherBlock block, StageGenes stage)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.Stride != block.Stride)
        {
            throw new ArgumentException($"Stage stride {stage.Stride} differs from teacher block {block.Index}'s stride {block.Stride}; the block must keep the teacher's resolution.", nameof(stage));
        }

        if (stage.Depth == 0 && block.Stride != 1)
        {
            throw new ArgumentException($"Teacher block {block.Index} has stride {block.Stride}; a skipped stage (depth 0) cannot reduce the resolution.", nameof(stage));
        }

        var layers = new List<LayerSpec>();
        for (var i = 0; i < stage.Depth; i++)
        {
            layers.Add(stage.Layer(i));
        }

        var width = stage.Depth == 0 ? block.InChannels : stage.Width;
        if (width != block.OutChannels)
        {
            layers.Add(new ConvLayer(block.OutChannels, 1, Bias: true, BatchNorm: false, Activation: Activation.None));
        }

        return new NetworkSpec(block.InChannels, block.InResolution, layers);
    }

    /// <summary>Trains <paramref name="stage"/> for <paramref name="epochs"/> epochs on the cached activations and rates it.</summary>
    public BlockRating Rate(StageGenes stage, int epochs, int seed, int batchSize = 32, double learningRate = 0.005)
    {
        var network = StageNetwork(stage);
        var (parameters, macs) = NetworkStatistics.Count(network);
        using var model = NetworkBuilder.Build(network, 0, seed);
        var initial = Validate(model);
        var weights = model.parameters().ToList();
        if (weights.Count > 0)
        {
            Train(model, weights, epochs, seed, batchSize, learningRate);
            Recalibrate(model, batchSize);
        }

        return new BlockRating(Block.Index, stage, parameters, macs, Validate(model), initial);
    }

    public void Dispose()
    {
        _trainInput.Dispose();
        _trainOutput.Dispose();
        _validationInput.Dispose();
        _validationOutput.Dispose();
    }

    private void Train(nn.Module<Tensor, Tensor> model, List<TorchSharp.Modules.Parameter> weights, int epochs, int seed, int batchSize, double learningRate)
    {
        var random = new Random(seed);
        var count = (int)_trainInput.shape[0];
        batchSize = Math.Min(batchSize, count);
        var stepsPerEpoch = Math.Max(1, count / batchSize);
        using optim.Optimizer optimizer = new NasPlatform.Torch.Optimizers.AdamW(weights, learningRate, weightDecay: 0);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, stepsPerEpoch * epochs);
        var order = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        model.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                using (NewDisposeScope())
                {
                    var rows = tensor(order.AsSpan(step * batchSize, batchSize).ToArray());
                    var loss = nn.functional.mse_loss(model.forward(_trainInput.index_select(0, rows)), _trainOutput.index_select(0, rows));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }

                schedule.step();
            }
        }
    }

    /// <summary>
    /// Re-estimates batch-norm statistics as a plain average over the training activations: after a few dozen steps
    /// the running averages (momentum 0.1) still remember their initial values, and at low fidelities a validation
    /// pass in evaluation mode would rate those rather than the trained stage (as one-shot NAS recalibrates BN).
    /// </summary>
    private void Recalibrate(nn.Module<Tensor, Tensor> model, int batchSize)
    {
        var norms = model.modules().OfType<NasPlatform.Torch.Modules.BatchNorm2d>().ToList();
        if (norms.Count == 0)
        {
            return;
        }

        var momenta = norms.Select(n => n.Momentum).ToList();
        foreach (var norm in norms)
        {
            norm.ResetRunningStats();
            norm.Momentum = null;
        }

        model.train();
        using (no_grad())
        {
            var count = _trainInput.shape[0];
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                model.forward(_trainInput.narrow(0, start, Math.Min(batchSize, count - start)));
            }
        }

        for (var i = 0; i < norms.Count; i++)
        {
            norms[i].Momentum = momenta[i];
        }
    }

    private double Validate(nn.Module<Tensor, Tensor> model)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var mse = nn.functional.mse_loss(model.forward(_validationInput), _validationOutput).item<float>();
        model.train();
        return mse / _variance;
    }

    private static (Tensor Input, Tensor Output) Activations(List<nn.Module<Tensor, Tensor>> modules, TeacherBlock block, ImageSet images, IReadOnlyList<int> indices)
    {
        if (indices.Count == 0)
        {
            throw new ArgumentException("DNA block rating needs at least one training and one validation image.", nameof(indices));
        }

        foreach (var module in modules)
        {
            module.eval();
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var pixels = indices.SelectMany(i => images.Image(i).ToArray()).ToArray();
        var x = tensor(pixels, [indices.Count, images.Channels, images.Size, images.Size]);
        for (var i = 0; i < block.FirstLayer; i++)
        {
            x = modules[i].forward(x);
        }

        var input = x;
        for (var i = block.FirstLayer; i < block.FirstLayer + block.LayerCount; i++)
        {
            x = modules[i].forward(x);
        }

        return (input.detach().MoveToOuterDisposeScope(), x.detach().MoveToOuterDisposeScope());
    }
}
