using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPlatform.Torch.Optimizers;

/// <summary>
/// TorchSharp's AdamW (Loshchilov and Hutter 2019: decoupled weight decay) with the same arithmetic, state and
/// state-dict format, under the same class name (a state dict records it, so checkpoints written by either load
/// into the other), but every Scalar explicit and held for the whole step: TorchSharp 0.107's own
/// <c>step</c> passes implicitly converted Scalars (<c>mul_(beta1)</c>, <c>/ sqrt(correction2)</c>) to native
/// code unprotected, and a collection on another thread can finalize one mid-call.
/// </summary>
public sealed class AdamW : TorchSharp.Modules.AdamW
{
    /// <summary>Same parameters and defaults as <c>torch.optim.AdamW</c> (no AMSGrad).</summary>
#pragma warning disable RS0030 // The base constructor only stores options; the unsafe member is step, overridden below.
    public AdamW(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.0)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, amsgrad: false, maximize: false)
#pragma warning restore RS0030
    {
    }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        return _step<TorchSharp.Modules.AdamW.ParamGroup>(
            group =>
            {
                var options = group.Options;
                var beta1 = options.beta1!.Value;
                var beta2 = options.beta2!.Value;
                var learningRate = options.LearningRate!.Value;
                using var s = new ScalarScope();
                var shrink = s.Of(1.0 - (learningRate * options.weight_decay!.Value));
                var keep1 = s.Of(beta1);
                var fresh1 = s.Of(1.0 - beta1);
                var keep2 = s.Of(beta2);
                var fresh2 = s.Of(1.0 - beta2);
                var eps = s.Of(options.eps!.Value);
                foreach (var parameter in group.Parameters)
                {
                    var state = (TorchSharp.Modules.AdamW.State)_state[parameter.Handle];
                    var grad = parameter.grad;
                    if (grad is null)
                    {
                        continue;
                    }

                    state.step++;
                    parameter.mul_(shrink);
                    var correction1 = 1.0 - Math.Pow(beta1, state.step);
                    var correction2 = 1.0 - Math.Pow(beta2, state.step);
                    state.exp_avg.mul_(keep1).add_(grad, fresh1);
                    state.exp_avg_sq.mul_(keep2).addcmul_(grad, grad, fresh2);
                    var denominator = state.exp_avg_sq.sqrt().div_(s.Of(Math.Sqrt(correction2))).add_(eps, Scalars.One);
                    parameter.addcdiv_(state.exp_avg, denominator, s.Of(-(learningRate / correction1)));
                }
            },
            closure);
    }
}
