using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>
/// Inverted dropout drawing its mask from a generator of its own (seeded by the trial), not LibTorch's global
/// one, so concurrent trials stay reproducible.
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

    public override Tensor forward(Tensor input)
    {
        if (!training || rate <= 0)
        {
            return input.alias();
        }

        using var uniform = rand(input.shape, dtype: input.dtype, generator: generator);
        using var keep = uniform.ge(rate);
        using var masked = input * keep;
        return masked.div(1.0 - rate);
    }
}
