using TorchSharp;
using static TorchSharp.torch;

// These tests compare our module with TorchSharp's nn.BatchNorm2d, the reference it must match, which makes
// Scalars behind our back (the reason ours exists): the reference is used on purpose, on one thread.
#pragma warning disable RS0030
using BatchNorm2d = NasPlatform.Torch.Modules.BatchNorm2d;

namespace NasPlatform.Torch.Tests.Modules;

/// <summary>Our BatchNorm2d against TorchSharp's own: the same numbers in training and evaluation, the same state-dict names, weights interchangeable.</summary>
public sealed class BatchNorm2dTests
{
    public BatchNorm2dTests() => TorchRuntime.EnsureAvailable();

    private static Tensor[] Batches(int count)
    {
        var generator = new Generator(seed: 7);
        return [.. Enumerable.Range(0, count).Select(i => Scaled(randn([4, 3, 5, 5], generator: generator), i + 1, i))];
    }

    private static Tensor Scaled(Tensor x, double factor, double shift)
    {
        using var s = new ScalarScope();
        return x.mul(s.Of(factor)).add_(s.Of(shift), Scalars.One);
    }

    private static void AssertClose(Tensor expected, Tensor actual) =>
        Assert.True(allclose(expected, actual, rtol: 1e-5, atol: 1e-6), $"max difference {(expected - actual).abs().max().item<float>()}");

    [Fact]
    public void Training_and_evaluation_match_torchsharps_batch_norm_step_for_step()
    {
        using var scope = NewDisposeScope();
        using var theirs = nn.BatchNorm2d(3);
        using var ours = new BatchNorm2d(3);
        var batches = Batches(5);
        foreach (var batch in batches)
        {
            AssertClose(theirs.forward(batch), ours.forward(batch));
        }

        AssertClose(theirs.running_mean!, ours.get_buffer("running_mean")!);
        AssertClose(theirs.running_var!, ours.get_buffer("running_var")!);
        Assert.Equal(5L, ours.get_buffer("num_batches_tracked")!.item<long>());
        theirs.eval();
        ours.eval();
        AssertClose(theirs.forward(batches[0]), ours.forward(batches[0]));
        Assert.Equal(5L, ours.get_buffer("num_batches_tracked")!.item<long>());
    }

    [Fact]
    public void Without_momentum_the_running_statistics_are_the_plain_average_of_the_batches_since_the_reset()
    {
        using var scope = NewDisposeScope();
        using var ours = new BatchNorm2d(3);
        using var theirs = nn.BatchNorm2d(3);
        ours.forward(Batches(1)[0]);
        theirs.forward(Batches(1)[0]);
        ours.ResetRunningStats();
        theirs.reset_running_stats();
        ours.Momentum = null;
        theirs.momentum = null;
        var batches = Batches(3);
        foreach (var batch in batches)
        {
            AssertClose(theirs.forward(batch), ours.forward(batch));
        }

        AssertClose(theirs.running_mean!, ours.get_buffer("running_mean")!);
        AssertClose(theirs.running_var!, ours.get_buffer("running_var")!);

        var meanOfMeans = stack(batches.Select(b => b.mean([0, 2, 3])).ToArray()).mean([0]);
        AssertClose(meanOfMeans, ours.get_buffer("running_mean")!);
        Assert.Equal(3L, ours.get_buffer("num_batches_tracked")!.item<long>());
    }

    [Fact]
    public void State_dict_names_and_shapes_are_torchsharps_so_saved_weights_load_either_way()
    {
        using var scope = NewDisposeScope();
        using var theirs = nn.Sequential(nn.Conv2d(3, 3, 1), nn.BatchNorm2d(3));
        using var ours = nn.Sequential(nn.Conv2d(3, 3, 1), new BatchNorm2d(3));
        Assert.Equal(
            theirs.state_dict().Select(p => (p.Key, string.Join('x', p.Value.shape))).Order(),
            ours.state_dict().Select(p => (p.Key, string.Join('x', p.Value.shape))).Order());

        foreach (var batch in Batches(3))
        {
            theirs.forward(batch);
        }

        var path = Path.Combine(Path.GetTempPath(), $"bn-{Guid.NewGuid():N}.bin");
        try
        {
            theirs.save(path);
            ours.load(path);
        }
        finally
        {
            File.Delete(path);
        }

        theirs.eval();
        ours.eval();
        var probe = Batches(1)[0];
        AssertClose(theirs.forward(probe), ours.forward(probe));
    }
}
