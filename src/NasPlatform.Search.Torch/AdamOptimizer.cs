using NasPlatform.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPlatform.Search.Torch;

/// <summary>
/// Adam (Kingma and Ba 2015) with L2 weight decay, written with tensor operations: the predictors
/// train many small networks at once on parallel threads, and this keeps every step's arithmetic
/// (bias corrections included) in plain code, the same on every thread.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly Tensor[] _first;
    private readonly Tensor[] _second;
    private readonly double _learningRate;
    private readonly double _weightDecay;
    private int _step;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
    {
        _parameters = parameters.ToArray();
        _first = _parameters.Select(p => zeros_like(p).detach()).ToArray();
        _second = _parameters.Select(p => zeros_like(p).detach()).ToArray();
        _learningRate = learningRate;
        _weightDecay = weightDecay;
    }

    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.grad?.zero_();
        }
    }

    /// <summary>One update from the gradients the last backward pass left.</summary>
    public void Step()
    {
        _step++;
        var correction1 = 1 - Math.Pow(Beta1, _step);
        var correction2 = 1 - Math.Pow(Beta2, _step);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // Every Scalar explicit and held until the step ends (see NasPlatform.Torch.ScalarScope).
        using var s = new ScalarScope();
        var decay = s.Of(_weightDecay);
        var keep1 = s.Of(Beta1);
        var fresh1 = s.Of(1 - Beta1);
        var keep2 = s.Of(Beta2);
        var fresh2 = s.Of(1 - Beta2);
        var bias2 = s.Of(correction2);
        var epsilon = s.Of(Epsilon);
        var rate = s.Of(-_learningRate / correction1);
        for (var i = 0; i < _parameters.Count; i++)
        {
            var p = _parameters[i];
            if (p.grad is not { } grad)
            {
                continue;
            }

            var g = _weightDecay > 0 ? grad.add(p, decay) : grad;
            _first[i].mul_(keep1).add_(g, fresh1);
            _second[i].mul_(keep2).addcmul_(g, g, fresh2);
            var denominator = _second[i].div(bias2).sqrt_().add_(epsilon, Scalars.One);
            p.addcdiv_(_first[i], denominator, rate);
        }
    }

    public void Dispose()
    {
        foreach (var t in _first.Concat(_second))
        {
            t.Dispose();
        }
    }
}
