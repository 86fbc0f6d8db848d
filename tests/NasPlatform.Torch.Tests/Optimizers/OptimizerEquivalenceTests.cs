using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// The reference optimizers are TorchSharp's own, which make Scalars behind our back (the reason ours exist):
// they are used here on purpose, to show ours take exactly the same steps.
#pragma warning disable RS0030

namespace NasPlatform.Torch.Tests.Optimizers;

/// <summary>Our SGD and AdamW against TorchSharp's: the same weights after many steps, and interchangeable state dicts.</summary>
public sealed class OptimizerEquivalenceTests
{
    public OptimizerEquivalenceTests() => TorchRuntime.EnsureAvailable();

    public static TheoryData<string> Kinds => new() { "sgd", "sgd-plain", "adamw" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Twenty_steps_give_the_same_weights_as_TorchSharp(string kind)
    {
        var (oursModel, theirsModel) = (Model(), Model());
        using var ours = Ours(kind, oursModel.parameters());
        using var theirs = Theirs(kind, theirsModel.parameters());
        var schedule = optim.lr_scheduler.CosineAnnealingLR(ours, 20);
        var theirSchedule = optim.lr_scheduler.CosineAnnealingLR(theirs, 20);
        for (var step = 0; step < 20; step++)
        {
            Step(oursModel, ours, step);
            Step(theirsModel, theirs, step);
            schedule.step();
            theirSchedule.step();
        }

        foreach (var (a, b) in oursModel.parameters().Zip(theirsModel.parameters()))
        {
            Assert.True(a.allclose(b, rtol: 0, atol: 0), $"max difference {(a - b).abs().max().item<float>()}");
        }
    }

    [Fact]
    public void A_state_dict_saved_by_TorchSharp_AdamW_continues_in_ours_as_in_theirs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-adamw-{Guid.NewGuid():N}.bin");
        try
        {
            var (first, second) = (Model(), Model());
            using var theirs = Theirs("adamw", first.parameters());
            for (var step = 0; step < 5; step++)
            {
                Step(first, theirs, step);
            }

            ((OptimizerHelper)theirs).save_state_dict(path);
            foreach (var (target, source) in second.parameters().Zip(first.parameters()))
            {
                using var noGrad = no_grad();
                target.copy_(source);
            }

            using var ours = Ours("adamw", second.parameters());
            ((OptimizerHelper)ours).load_state_dict(path);
            for (var step = 5; step < 10; step++)
            {
                Step(first, theirs, step);
                Step(second, ours, step);
            }

            foreach (var (a, b) in first.parameters().Zip(second.parameters()))
            {
                Assert.True(a.allclose(b, rtol: 0, atol: 0));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Sequential Model()
    {
        using var generator = new Generator(seed: 3);
        var model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 1));
        using var noGrad = no_grad();
        foreach (var p in model.parameters())
        {
            p.copy_(randn(p.shape, generator: generator));
        }

        return model;
    }

    private static void Step(Sequential model, optim.Optimizer optimizer, int step)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(seed: (ulong)(100 + step));
        var x = randn([16, 6], generator: generator);
        var y = randn([16, 1], generator: generator);
        optimizer.zero_grad();
        nn.functional.mse_loss(model.forward(x), y).backward();
        optimizer.step();
    }

    private static optim.Optimizer Ours(string kind, IEnumerable<Parameter> parameters) => kind switch
    {
        "sgd" => new NasPlatform.Torch.Optimizers.SGD(parameters, 0.05, momentum: 0.9, weightDecay: 1e-3, nesterov: true),
        "sgd-plain" => new NasPlatform.Torch.Optimizers.SGD(parameters, 0.05),
        _ => new NasPlatform.Torch.Optimizers.AdamW(parameters, 0.01, weightDecay: 0.05),
    };

    private static optim.Optimizer Theirs(string kind, IEnumerable<Parameter> parameters) => kind switch
    {
        "sgd" => optim.SGD(parameters, 0.05, momentum: 0.9, weight_decay: 1e-3, nesterov: true),
        "sgd-plain" => optim.SGD(parameters, 0.05),
        _ => optim.AdamW(parameters, 0.01, weight_decay: 0.05),
    };
}
