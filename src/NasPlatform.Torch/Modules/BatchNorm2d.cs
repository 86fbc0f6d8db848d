using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPlatform.Torch.Modules;

/// <summary>
/// 2-D batch normalization with the parameters and buffers of TorchSharp's <c>nn.BatchNorm2d</c> under the same
/// state-dict names (weights saved with either load into the other) and the same kernel
/// (<c>functional.batch_norm</c>), written here for one reason: TorchSharp 0.107's module advances its
/// <c>num_batches_tracked</c> with <c>add_(1)</c>, which hands the raw handles of two implicitly created
/// <see cref="Scalar"/>s to native code without keeping them alive, so a garbage collection triggered on another
/// thread can finalize one mid-call (a use after free, seen here as LibTorch's "For integral input tensors,
/// argument alpha must not be a floating point number" after hundreds of trainings in one process). This module
/// advances the counter with Scalars held in static fields, which are never finalized.
/// </summary>
public sealed class BatchNorm2d : nn.Module<Tensor, Tensor>
{
    private static readonly Scalar One = 1L.ToScalar();

    private readonly double _eps;

    /// <summary>Normalizes <paramref name="features"/> channels; scale 1, shift 0, running mean 0 and variance 1 to start.</summary>
    public BatchNorm2d(long features, double eps = 1e-5, double momentum = 0.1)
        : base(nameof(BatchNorm2d))
    {
        _eps = eps;
        Momentum = momentum;
        register_parameter("weight", new Parameter(ones(features)));
        register_parameter("bias", new Parameter(zeros(features)));
        register_buffer("running_mean", zeros(features));
        register_buffer("running_var", ones(features));
        register_buffer("num_batches_tracked", tensor(0L));
    }

    /// <summary>Weight of each batch in the running statistics; null makes them the plain (cumulative) average of every batch since the last reset, as in PyTorch.</summary>
    public double? Momentum { get; set; }

    /// <summary>Running mean 0, variance 1, no batches tracked.</summary>
    public void ResetRunningStats()
    {
        using var noGrad = no_grad();
        get_buffer("running_mean")!.zero_();
        get_buffer("running_var")!.fill_(One);
        get_buffer("num_batches_tracked")!.zero_();
    }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4)
        {
            throw new ArgumentException($"BatchNorm2d expects a 4-D input (batch, channels, height, width), got {input.dim()}-D.", nameof(input));
        }

        // Looked up at each call (not cached in fields) so that moving the module to another device is seen.
        var factor = Momentum ?? 0.0;
        if (training)
        {
            using var noGrad = no_grad();
            var batches = get_buffer("num_batches_tracked")!;
            batches.add_(One, One);
            if (Momentum is null)
            {
                factor = 1.0 / batches.item<long>();
            }
        }

        return nn.functional.batch_norm(
            input, get_buffer("running_mean"), get_buffer("running_var"), get_parameter("weight"), get_parameter("bias"), training, factor, _eps);
    }
}
