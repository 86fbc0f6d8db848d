using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPlatform.Torch.Optimizers;

/// <summary>
/// TorchSharp's SGD (momentum, dampening, Nesterov, L2 weight decay) with the same arithmetic, state and
/// state-dict format, under the same class name (a state dict records it, so checkpoints written by either load
/// into the other), but every Scalar explicit and held for the whole step: TorchSharp 0.107's own
/// <c>step</c> passes implicitly converted Scalars (<c>add(param, weight_decay)</c>, <c>mul_(momentum)</c>) to
/// native code unprotected, and a collection on another thread can finalize one mid-call.
/// </summary>
public sealed class SGD : TorchSharp.Modules.SGD
{
    /// <summary>Same parameters and defaults as <c>torch.optim.SGD</c>.</summary>
#pragma warning disable RS0030 // The base constructor only stores options; the unsafe member is step, overridden below.
    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0.0, double dampening = 0.0, double weightDecay = 0.0, bool nesterov = false)
        : base(parameters, lr, momentum, dampening, weightDecay, nesterov, maximize: false)
#pragma warning restore RS0030
    {
    }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        return _step<TorchSharp.Modules.SGD.ParamGroup>(
            group =>
            {
                var options = group.Options;
                var momentum = options.momentum!.Value;
                var weightDecay = options.weight_decay!.Value;
                using var s = new ScalarScope();
                var decay = s.Of(weightDecay);
                var keep = s.Of(momentum);
                var fresh = s.Of(1.0 - options.dampening!.Value);
                var rate = s.Of(-options.LearningRate!.Value);
                foreach (var parameter in group.Parameters)
                {
                    var state = (TorchSharp.Modules.SGD.State)_state[parameter.Handle];
                    var grad = parameter.grad;
                    if (grad is null)
                    {
                        continue;
                    }

                    if (weightDecay != 0.0)
                    {
                        grad = grad.add(parameter, decay);
                    }

                    if (momentum != 0.0)
                    {
                        var buffer = state.momentum_buffer;
                        if (buffer is null)
                        {
                            buffer = state.momentum_buffer = grad.clone().detach().DetachFromDisposeScope();
                        }
                        else
                        {
                            buffer.mul_(keep).add_(grad, fresh);
                        }

                        grad = options.nesterov!.Value ? grad.add(buffer, keep) : buffer;
                    }

                    parameter.add_(grad, rate);
                }
            },
            closure);
    }
}
