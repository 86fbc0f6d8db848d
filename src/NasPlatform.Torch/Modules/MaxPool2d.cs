using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Torch.Modules;

/// <summary>
/// 2-D max pooling, a drop-in for TorchSharp's <c>nn.MaxPool2d(kernel, stride)</c> (no padding, floor mode, no
/// parameters, so saved weights are unaffected). On a CPU with AVX2, the 2×2, stride-2 pool of a contiguous float32 tensor
/// runs our own loops (<see cref="MaxPool2x2Kernel"/>): LibTorch 2.x's NCHW max-pool kernel took 28 % of a small CNN's
/// training step on one thread (docs/benchmarks.md), three to five times what these loops need. They give the same
/// outputs and route the gradient to the same elements as LibTorch (ties: the first in row-major order; NaN wins).
/// Every other case (other sizes, dtypes, devices, non-contiguous input; CPUs without AVX2, where scalar loops would
/// be no faster than LibTorch's vectorized kernel) goes to LibTorch's <c>max_pool2d</c>.
/// The loops run on the calling thread whatever LibTorch's thread count (trials run one LibTorch thread each by
/// default, <see cref="TorchThreads"/>); rows are done in order because a row's last group may write into the next.
/// </summary>
public sealed class MaxPool2d : nn.Module<Tensor, Tensor>
{
    private readonly long _kernel;
    private readonly long _stride;

    /// <summary>A <paramref name="kernel"/>×<paramref name="kernel"/> pool moving by <paramref name="stride"/> (default: the kernel).</summary>
    public MaxPool2d(long kernel, long? stride = null)
        : base(nameof(MaxPool2d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kernel, 1);
        _kernel = kernel;
        _stride = stride ?? kernel;
        ArgumentOutOfRangeException.ThrowIfLessThan(_stride, 1, nameof(stride));
    }

    /// <summary>Whether <paramref name="input"/> takes the 2×2 loops rather than LibTorch's kernel.</summary>
    public bool UsesOwnKernel(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Avx2.IsSupported && _kernel == 2 && _stride == 2 && input.dim() == 4 && input.dtype == ScalarType.Float32
            && input.device_type == DeviceType.CPU && input.is_contiguous() && input.shape[2] >= 2 && input.shape[3] >= 2
            && input.numel() * sizeof(float) <= int.MaxValue;
    }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!UsesOwnKernel(input))
        {
            return nn.functional.max_pool2d(input, _kernel, _stride);
        }

        return is_grad_enabled() && input.requires_grad
            ? MaxPool2x2Function.apply(input)
            : MaxPool2x2Function.Pool(input, []);
    }
}
