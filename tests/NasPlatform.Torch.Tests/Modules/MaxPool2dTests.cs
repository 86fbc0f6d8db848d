using TorchSharp;
using static TorchSharp.torch;
using MaxPool2d = NasPlatform.Torch.Modules.MaxPool2d;

namespace NasPlatform.Torch.Tests.Modules;

/// <summary>
/// Our max-pool against LibTorch's <c>max_pool2d</c>, bit for bit: outputs, and gradients routed to the same elements,
/// on values full of ties (as after a ReLU), with NaN and -∞, at widths that take the vector loop, its scalar tail, or only the tail.
/// </summary>
public sealed class MaxPool2dTests
{
    public MaxPool2dTests() => TorchRuntime.EnsureAvailable();

    /// <summary>Values from a handful of levels, most of them 0: nearly every window holds a tie.</summary>
    private static Tensor TiedValues(long[] shape, int seed, bool specials)
    {
        var random = new Random(seed);
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        var levels = new[] { 0f, 0f, 0f, 1f, 2f, -0f, 0.5f };
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = levels[random.Next(levels.Length)];
            if (specials && random.Next(50) == 0)
            {
                values[i] = random.Next(2) == 0 ? float.NaN : float.NegativeInfinity;
            }
        }

        return tensor(values, shape);
    }

    private static void AssertSameBits(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = expected.contiguous().data<float>().ToArray();
        var a = actual.contiguous().data<float>().ToArray();
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(e[i]) == BitConverter.SingleToInt32Bits(a[i]), $"{what}: element {i} is {a[i]}, LibTorch gives {e[i]}");
        }
    }

    [Theory]
    [InlineData(2, 3, 28, 28, false)]
    [InlineData(2, 3, 14, 14, true)]
    [InlineData(3, 2, 7, 9, true)]
    [InlineData(1, 4, 36, 37, true)]
    [InlineData(2, 2, 2, 2, false)]
    public void Forward_and_backward_match_libtorch_bit_for_bit(int n, int c, int h, int w, bool specials)
    {
        using var scope = NewDisposeScope();
        var values = TiedValues([n, c, h, w], seed: h * 100 + w, specials);
        using var pool = new MaxPool2d(2);
        var ours = values.clone().requires_grad_(true);
        var theirs = values.clone().requires_grad_(true);
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, pool.UsesOwnKernel(ours));
        var outOurs = pool.forward(ours);
        var outTheirs = nn.functional.max_pool2d(theirs, 2, 2);
        AssertSameBits(outTheirs, outOurs, "output");

        // Upstream gradients with -0 and ties of their own.
        var upstream = TiedValues(outOurs.shape, seed: 3, specials: false).sub(TiedValues(outOurs.shape, seed: 4, specials: false));
        outOurs.backward([upstream]);
        outTheirs.backward([upstream]);
        AssertSameBits(theirs.grad!, ours.grad!, "input gradient");
    }

    [Fact]
    public void Without_gradients_the_output_is_the_same()
    {
        using var scope = NewDisposeScope();
        var values = TiedValues([2, 5, 16, 20], seed: 11, specials: true);
        using var pool = new MaxPool2d(2, 2);
        using (no_grad())
        {
            AssertSameBits(nn.functional.max_pool2d(values, 2, 2), pool.forward(values), "no_grad output");
        }

        AssertSameBits(nn.functional.max_pool2d(values, 2, 2), pool.forward(values), "output of an input without requires_grad");
    }

    [Fact]
    public void Other_kernels_dtypes_and_layouts_go_to_libtorch_with_the_same_result()
    {
        using var scope = NewDisposeScope();
        var values = TiedValues([2, 3, 12, 12], seed: 5, specials: false);
        using var three = new MaxPool2d(3, 2);
        Assert.False(three.UsesOwnKernel(values));
        AssertSameBits(nn.functional.max_pool2d(values, 3, 2), three.forward(values), "3x3 stride 2");

        using var two = new MaxPool2d(2);
        var strided = values.transpose(2, 3);
        Assert.False(two.UsesOwnKernel(strided));
        AssertSameBits(nn.functional.max_pool2d(strided, 2, 2), two.forward(strided), "transposed input");
        var doubles = values.to_type(ScalarType.Float64);
        Assert.False(two.UsesOwnKernel(doubles));
        Assert.True(nn.functional.max_pool2d(doubles, 2, 2).equal(two.forward(doubles)).all().item<bool>());
    }

    [Fact]
    public void A_small_cnn_trains_to_the_same_weights_as_with_libtorchs_pool()
    {
        // Conv-ReLU-pool-conv-ReLU-pool-linear, three SGD steps: every weight identical after training with either pool.
        var (oursWeights, oursLoss) = Train(new MaxPool2d(2), new MaxPool2d(2));
        var (theirsWeights, theirsLoss) = Train(nn.MaxPool2d(2, 2), nn.MaxPool2d(2, 2));
        Assert.Equal(theirsLoss, oursLoss);
        for (var i = 0; i < theirsWeights.Length; i++)
        {
            Assert.Equal(theirsWeights[i], oursWeights[i]);
        }
    }

    private static (float[] Weights, float Loss) Train(nn.Module<Tensor, Tensor> pool1, nn.Module<Tensor, Tensor> pool2)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.ReLU(), pool1, nn.Conv2d(4, 8, 3, padding: 1), nn.ReLU(), pool2, nn.Flatten(), nn.Linear(8 * 7 * 7, 10));
        var generator = new Generator(seed: 9);
        var images = randn([16, 1, 28, 28], generator: generator);
        var labels = randint(10, [16], generator: generator);
        using optim.Optimizer optimizer = new NasPlatform.Torch.Optimizers.SGD(model.parameters(), 0.05, momentum: 0.9);
        var loss = 0f;
        for (var step = 0; step < 3; step++)
        {
            var value = nn.functional.cross_entropy(model.forward(images), labels);
            optimizer.zero_grad();
            value.backward();
            optimizer.step();
            loss = value.item<float>();
        }

        return ([.. model.parameters().SelectMany(p => p.detach().contiguous().data<float>().ToArray())], loss);
    }
}
