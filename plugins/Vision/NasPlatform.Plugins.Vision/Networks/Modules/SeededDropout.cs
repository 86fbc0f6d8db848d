using NasPlatform.Torch;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>
/// Inverted dropout drawing its mask from a generator of its own (seeded by the trial), not LibTorch's global
/// one, so concurrent trials stay reproducible. The generator lives on the CPU, so the mask is drawn there and copied
/// to the input's device: the same seed gives the same masks on a GPU.
/// </summary>
internal sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double rate;
    private readonly Generator generator;

    public SeededDropout(double rate, Generator generator)
        : base(nameof(SeededDropout))
    {
        this.rate = rate;
        this.generator = generator;
    }

    /// <summary>The generator the masks come from (shared by the network's dropout layers); a checkpoint saves its state.</summary>
    public Generator Generator => generator;

    public override Tensor forward(Tensor input)
    {
        if (!training || rate <= 0)
        {
            return input.alias();
        }

        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        var keep = rand(input.shape, dtype: input.dtype, generator: generator).ge(s.Of(rate));
        if (keep.device_type != input.device_type || keep.device_index != input.device_index)
        {
            keep = keep.to(input.device);
        }

        return (input * keep).div_(s.Of(1.0 - rate)).MoveToOuterDisposeScope();
    }
}
