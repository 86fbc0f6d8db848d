namespace NasPlatform.Torch;

/// <summary>Checks that LibTorch's native libraries load, and says why when they do not.</summary>
public static class TorchRuntime
{
}
