using System.Runtime.CompilerServices;
using NasPlatform.Torch;

namespace NasPlatform.Workflows.Tests.Predictors;

/// <summary>
/// The predictor tests train tiny networks, often in parallel (benchmark runs); on two shared cores
/// LibTorch's intra-op thread pool only adds waiting (its threads spin for cores that others hold).
/// The test host sets what the CLI sets: one thread per operation.
/// </summary>
internal static class OneTorchThread
{
    [ModuleInitializer]
    internal static void OnePerOperation() => TorchThreads.UseHostDefault();
}
