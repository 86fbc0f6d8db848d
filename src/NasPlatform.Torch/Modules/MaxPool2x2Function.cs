using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace NasPlatform.Torch.Modules;

/// <summary>
/// The autograd function of <see cref="MaxPool2d"/>'s 2×2 path: <see cref="MaxPool2x2Kernel"/> forward, keeping each
/// window's winner for the backward pass (one byte per output, held by the graph node as managed data). The backward
/// pass is plain loops, not autograd operations: no second derivative flows through it (LibTorch's pool has one; no
/// trainer here takes one, none calls backward with create_graph).
/// </summary>
internal sealed class MaxPool2x2Function : autograd.SingleTensorFunction<MaxPool2x2Function>
{
    private const string WinnersKey = "winners";
    private const string KeepKey = "returned-gradient";

    public override string Name => "NasPlatformMaxPool2x2";

    /// <summary>Pools <c>vars[0]</c>, a contiguous float32 CPU tensor of shape (N, C, H, W) with H, W ≥ 2.</summary>
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(vars);
        var input = (Tensor)vars[0];
        var winners = new byte[input.shape[0] * input.shape[1] * (input.shape[2] / 2) * (input.shape[3] / 2)];
        var output = Pool(input, winners);
        ctx.save_data(WinnersKey, new Saved(winners, input.shape));
        return output;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(grad_output);
        var saved = (Saved)ctx.get_data(WinnersKey);
        using var gradContiguous = grad_output.contiguous();
        var gradInput = empty(saved.Shape, ScalarType.Float32);
        var gradSpan = MemoryMarshal.Cast<byte, float>(gradContiguous.bytes);
        var inputSpan = MemoryMarshal.Cast<byte, float>(gradInput.bytes);
        MaxPool2x2Kernel.Backward(gradSpan, saved.Winners, inputSpan, (int)saved.Shape[2], (int)saved.Shape[3]);
        GC.KeepAlive(gradContiguous);
        // TorchSharp hands the returned handles to LibTorch after this method returns, when nothing managed refers to
        // the tensor any more: a garbage collection then could finalize it (and free its handle) before LibTorch copies
        // it, as with the Scalars of dotnet/TorchSharp PR 1496. The graph node keeps it until LibTorch frees the node.
        ctx.save_data(KeepKey, new Kept(gradInput));
        return [gradInput];
    }

    /// <summary>The forward loops without autograd; <paramref name="winners"/> empty when no backward will follow.</summary>
    internal static Tensor Pool(Tensor input, byte[] winners)
    {
        var output = empty([input.shape[0], input.shape[1], input.shape[2] / 2, input.shape[3] / 2], ScalarType.Float32);
        var inputSpan = MemoryMarshal.Cast<byte, float>(input.bytes);
        var outputSpan = MemoryMarshal.Cast<byte, float>(output.bytes);
        MaxPool2x2Kernel.Forward(inputSpan, outputSpan, winners, (int)input.shape[2], (int)input.shape[3]);
        GC.KeepAlive(input);
        GC.KeepAlive(output);
        return output;
    }

    private sealed record Saved(byte[] Winners, long[] Shape);

    /// <summary>A tensor held by the graph node (save_data takes objects; a bare tensor there draws a warning).</summary>
    private sealed record Kept(Tensor Tensor);
}
