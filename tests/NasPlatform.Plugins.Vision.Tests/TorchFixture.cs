using NasPlatform.Torch;

namespace NasPlatform.Plugins.Vision.Tests;

/// <summary>One LibTorch thread, as the evaluator uses by default, after checking the natives load.</summary>
internal static class TorchFixture
{
    private static readonly Lazy<bool> Ready = new(() =>
    {
        TorchRuntime.EnsureAvailable();
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        return true;
    });

    public static void Ensure() => _ = Ready.Value;
}
