using NasPlatform.Plugins.Vision.Networks.Modules;
using NasPlatform.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks;

/// <summary>
/// Builds the TorchSharp module of a <see cref="NetworkSpec"/> and initializes its parameters from a seed
/// (uniform ±1/√fan-in weights as PyTorch's default, zero biases, unit batch-norm scales) with <see cref="System.Random"/>, never LibTorch's
/// global generator, so trials running side by side stay reproducible.
/// </summary>
public static class NetworkBuilder
{
    /// <summary>Builds the network; <paramref name="dropout"/> is the rate of its dropout layers.</summary>
    public static nn.Module<Tensor, Tensor> Build(NetworkSpec network, double dropout, int seed)
    {
        ArgumentNullException.ThrowIfNull(network);
        TorchRuntime.EnsureAvailable(); // loads LibTorch with the host's thread count, or says why it cannot
        var generator = new Generator((ulong)(uint)seed, CPU);
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var channels = network.InChannels;
        foreach (var layer in network.Layers)
        {
            switch (layer)
            {
                case ConvLayer c:
                    modules.Add(new ConvBnAct(channels, c.Out, c.Kernel, c.Stride, c.Pad, 1, c.Bias, c.BatchNorm, c.Activation));
                    channels = c.Out;
                    break;
                case MbConvLayer b:
                    modules.Add(new MbConvBlock(channels, b));
                    channels = b.Out;
                    break;
                case FusedMbConvLayer f:
                    modules.Add(new FusedMbConvBlock(channels, f));
                    channels = f.Out;
                    break;
                case ResidualBlockLayer r:
                    modules.Add(new ResidualBlock(channels, r));
                    channels = r.Out;
                    break;
                case PoolLayer p:
                    modules.Add(p.Max ? new NasPlatform.Torch.Modules.MaxPool2d(p.Kernel, p.Stride) : nn.AvgPool2d(p.Kernel, p.Stride));
                    break;
                case GlobalPoolLayer:
                    modules.Add(new GlobalPool());
                    break;
                case FlattenLayer:
                    modules.Add(nn.Flatten());
                    break;
                case DropoutLayer:
                    modules.Add(new SeededDropout(dropout, generator));
                    break;
                case LinearLayer l:
                    var inputs = (int)NetworkStatistics.OutputShape(network with { Layers = network.Layers.TakeWhile(x => !ReferenceEquals(x, layer)).ToList() }).Channels;
                    modules.Add(l.Activation == Activation.None
                        ? nn.Linear(inputs, l.Out)
                        : nn.Sequential(nn.Linear(inputs, l.Out), Activations.Create(l.Activation)!));
                    channels = l.Out;
                    break;
                default:
                    throw new NotSupportedException($"Unknown layer {layer.GetType().Name}.");
            }
        }

        var model = nn.Sequential(modules);
        Initialize(model, seed);
        return model;
    }

    /// <summary>Uniform ±1/√fan-in (PyTorch's default bound) for weights of rank 2 and above, zeros for biases, ones for batch-norm scales.</summary>
    public static void Initialize(nn.Module model, int seed)
    {
        var random = new Random(seed);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            var count = (int)parameter.numel();
            var values = new float[count];
            if (parameter.dim() >= 2)
            {
                var fanIn = count / parameter.shape[0];
                var bound = 1.0 / Math.Sqrt(fanIn);
                for (var i = 0; i < count; i++)
                {
                    values[i] = (float)((random.NextDouble() * 2 - 1) * bound);
                }
            }
            else if (name.EndsWith("weight", StringComparison.Ordinal))
            {
                Array.Fill(values, 1f);
            }

            using var source = tensor(values, parameter.shape);
            parameter.copy_(source);
        }
    }
}
