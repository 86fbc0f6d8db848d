using NasPlatform.Torch;
using NasPlatform.Plugins.Eda.Spaces;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NasPlatform.Plugins.Eda.Models;

/// <summary>
/// The TorchSharp network a <see cref="RoutabilityNet"/> describes. Forward gives (ratio logit [B],
/// hotspot logits [B, G, G]). Weights are drawn from a <see cref="Random"/> (He-uniform for
/// convolutions, zero biases), never from TorchSharp's global generator, so a seed fixes them even
/// when trials train on parallel threads.
/// </summary>
public sealed class RoutabilityModel : Module<Tensor, (Tensor Ratio, Tensor Hotspot)>
{
    private readonly RoutabilityNet _net;
    private readonly ModuleList<Module<Tensor, Tensor>> _encoder = new();
    private readonly ModuleList<Module<Tensor, Tensor>> _down = new();
    private readonly ModuleList<Module<Tensor, Tensor>> _up = new();
    private readonly ModuleList<Module<Tensor, Tensor>> _decoder = new();
    private readonly Linear _ratioHead;
    private readonly Conv2d _hotspotHead;

    public RoutabilityModel(RoutabilityNet net, int channels, Random rng)
        : base(InitializeTorch("routability"))
    {
        _net = net;
        var inChannels = channels;
        foreach (var stage in net.Stages)
        {
            var layers = new List<Module<Tensor, Tensor>>();
            for (var c = 0; c < stage.Convs; c++)
            {
                layers.Add(Conv2d(inChannels, stage.Width, stage.Kernel, padding: stage.Dilation * (stage.Kernel - 1) / 2, dilation: stage.Dilation));
                layers.Add(new NasPlatform.Torch.Modules.BatchNorm2d(stage.Width));
                layers.Add(ReLU());
                inChannels = stage.Width;
            }

            _encoder.Add(Sequential(layers));
            _down.Add(stage.Down switch
            {
                "max" => new NasPlatform.Torch.Modules.MaxPool2d(2),
                "avg" => AvgPool2d(2),
                _ => Sequential(Conv2d(stage.Width, stage.Width, 3, stride: 2, padding: 1), ReLU()),
            });
        }

        var current = inChannels;
        _ratioHead = Linear(2 * current, 1);
        for (var s = net.Stages.Count - 1; s >= 0; s--)
        {
            var stage = net.Stages[s];
            _up.Add(net.Upsample == "transposed" ? ConvTranspose2d(current, current, 2, stride: 2) : Identity());
            var input = current + (stage.Skip == "concat" ? stage.Width : 0);
            _decoder.Add(Sequential(
                Conv2d(input, stage.Width, net.DecoderKernel, padding: (net.DecoderKernel - 1) / 2),
                new NasPlatform.Torch.Modules.BatchNorm2d(stage.Width),
                ReLU()));
            current = stage.Width;
        }

        _hotspotHead = Conv2d(current, 1, 1);
        RegisterComponents();
        Initialize(rng);
    }

    public override (Tensor Ratio, Tensor Hotspot) forward(Tensor input)
    {
        // Every intermediate stays referenced by this scope until both outputs exist. Without it, a temporary's
        // wrapper that nothing references any more can be finalized while LibTorch still reads it (a use-after-free:
        // the EDA test host died in c10::TensorImpl::_fw_grad when forward ran outside a caller's scope). The vision
        // modules do the same.
        using var scope = NewDisposeScope();
        var skips = new Tensor[_net.Stages.Count];
        var x = input;
        for (var s = 0; s < _net.Stages.Count; s++)
        {
            x = _encoder[s].call(x);
            skips[s] = x;
            x = _down[s].call(x);
        }

        var pooled = cat([x.mean([2, 3]), x.amax([2, 3])], 1);
        var ratio = _ratioHead.call(pooled).squeeze(1);
        for (var i = 0; i < _net.Stages.Count; i++)
        {
            var s = _net.Stages.Count - 1 - i;
            var size = new long[] { skips[s].shape[2], skips[s].shape[3] };
            x = _net.Upsample switch
            {
                "transposed" => _up[i].call(x),
                "bilinear" => functional.interpolate(x, size, mode: InterpolationMode.Bilinear, align_corners: false),
                _ => functional.interpolate(x, size, mode: InterpolationMode.Nearest),
            };
            var skip = _net.Stages[s].Skip;
            if (skip == "concat")
                x = cat([x, skips[s]], 1);
            x = _decoder[i].call(x);
            if (skip == "add")
                x = x.add(skips[s], Scalars.One);
        }

        var hotspot = _hotspotHead.call(x).squeeze(1);
        GC.KeepAlive(input);
        return (ratio.MoveToOuterDisposeScope(), hotspot.MoveToOuterDisposeScope());
    }

    // One LibTorch thread, as the platform runs trials (workers parallelize trials, not kernels); the
    // test host does not set it, and a multi-threaded LibTorch crashed it here under the compatibility layer.
    private static string InitializeTorch(string name)
    {
        // Loads LibTorch (with the host's thread count) before the first module, or says why it cannot.
        TorchRuntime.EnsureAvailable();
        return name;
    }

    private void Initialize(Random rng)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            var count = (int)parameter.numel();
            var values = new float[count];
            var shape = parameter.shape;
            if (name.EndsWith("weight", StringComparison.Ordinal) && shape.Length >= 2)
            {
                // Fan-in as PyTorch computes it: dimension 1 times the kernel area (for Conv2d the input
                // channels; ConvTranspose2d stores [in, out, k, k], so there it is out x k x k).
                var fanIn = shape[1] * (shape.Length > 2 ? shape[2] * shape[3] : 1);
                var bound = Math.Sqrt(6.0 / fanIn);
                for (var i = 0; i < count; i++)
                    values[i] = (float)((rng.NextDouble() * 2 - 1) * bound);
            }
            else if (name.EndsWith("weight", StringComparison.Ordinal))
            {
                Array.Fill(values, 1f); // batch norm scale
            }

            // Held by a local until copy_ returns: a temporary that nothing references can be finalized while LibTorch
            // copies from it (its pinned array then freed under the copy: a segfault here for a network of 9x9, 64-wide
            // convolutions, whose 1.3 MB arrays make collections likely; dotnet/TorchSharp PR 1496's class of bug).
            using var source = tensor(values, shape);
            parameter.copy_(source);
        }
    }
}
