using System.Globalization;
using System.Text.RegularExpressions;
using TorchSharp;

namespace NasPlatform.Torch;

/// <summary>
/// Turns a device name from an experiment file (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c>) into a
/// TorchSharp <see cref="torch.Device"/>, initialising CUDA on first use and saying what to do when it is not there.
/// </summary>
public static partial class TorchDevices
{
    /// <summary>The names <see cref="Resolve"/> accepts, as a JSON-schema pattern.</summary>
    public const string Pattern = "^(cpu|auto|cuda(:[0-9]+)?)$";

    private static readonly Lazy<string?> CudaProblem = new(ProbeCuda, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when a CUDA LibTorch is loaded and sees at least one GPU.</summary>
    public static bool CudaAvailable
    {
        get
        {
            TorchRuntime.EnsureAvailable();
            return CudaProblem.Value is null;
        }
    }

    /// <summary>
    /// The device named by <paramref name="name"/>: <c>cpu</c>; <c>cuda</c> or <c>cuda:N</c> (GPU N); <c>auto</c>
    /// (the first GPU when CUDA is available, else the CPU). Throws <see cref="ArgumentException"/> for another name
    /// and <see cref="TorchUnavailableException"/> with the cause and the fix when the GPU asked for is not there.
    /// </summary>
    public static torch.Device Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = NamePattern().Match(name);
        if (!match.Success)
        {
            throw new ArgumentException($"Unknown device '{name}': use cpu, cuda, cuda:N (GPU N) or auto (a GPU when there is one).", nameof(name));
        }

        TorchRuntime.EnsureAvailable();
        if (name == "cpu")
        {
            return torch.CPU;
        }

        if (name == "auto")
        {
            return CudaProblem.Value is null ? new torch.Device(DeviceType.CUDA, 0) : torch.CPU;
        }

        if (CudaProblem.Value is { } problem)
        {
            throw new TorchUnavailableException($"Device '{name}' was asked for, but {problem}");
        }

        var index = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var count = torch.cuda.device_count();
        return index < count
            ? new torch.Device(DeviceType.CUDA, index)
            : throw new TorchUnavailableException($"Device '{name}' was asked for, but this machine has {count} GPU(s) (cuda:0 … cuda:{count - 1}).");
    }

    private static string? ProbeCuda()
    {
        const string fix = "TorchSharp-cpu carries a CPU-only LibTorch. For a GPU, put a CUDA build of LibTorch where the process finds it: "
            + "reference TorchSharp-cuda-linux instead of TorchSharp-cpu, or put the lib folder of a PyTorch install of the same LibTorch "
            + "series on LD_LIBRARY_PATH (docs/gpu.md); then check that nvidia-smi sees the GPU.";
        try
        {
            return torch.TryInitializeDeviceType(DeviceType.CUDA) && torch.cuda.device_count() > 0
                ? null
                : $"no CUDA device is available to LibTorch in this process. {fix}";
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or InvalidOperationException or EntryPointNotFoundException)
        {
            return $"CUDA did not initialise ({e.Message.Split('\n')[0]}). {fix}";
        }
    }

    [GeneratedRegex("^(?:cpu|auto|cuda(?::([0-9]+))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
