using System.Runtime.CompilerServices;
using NasPlatform.Torch;

namespace NasPlatform.Engine.Tests.Predictors;

/// <summary>
/// The predictor tests train tiny networks, often in parallel (benchmark runs); on two shared cores
/// LibTorch's intra-op thread pool only adds waiting (its threads spin for cores that others hold).
/// One thread per operation keeps them fast and their numbers independent of the machine's cores.
/// </summary>
internal static class TorchThreads
{
    [ModuleInitializer]
    internal static void OnePerOperation()
    {
        if (TorchRuntime.IsAvailable)
        {
            TorchSharp.torch.set_num_threads(1);
        }
    }
}
