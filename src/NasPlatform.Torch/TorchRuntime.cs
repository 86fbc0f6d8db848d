using System.Runtime.InteropServices;
using NasPlatform.Torch.Native;
using TorchSharp;

namespace NasPlatform.Torch;

/// <summary>
/// Checks that TorchSharp's native library loads, and says why when it does not. Call
/// <see cref="EnsureAvailable"/> before the first TorchSharp call; the check runs once per process.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<Probe> Result = new(ProbeNow, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when TorchSharp's native library loads and TorchSharp initialises on the CPU.</summary>
    public static bool IsAvailable => Result.Value.Reason is null;

    /// <summary>Whether the check has run in this process (and so LibTorch is loaded where it can be); reading this loads nothing.</summary>
    public static bool IsChecked => Result.IsValueCreated;

    /// <summary>Throws <see cref="TorchUnavailableException"/> with the cause and the fix unless <see cref="IsAvailable"/>.</summary>
    public static void EnsureAvailable()
    {
        var probe = Result.Value;
        if (probe.Reason is not null)
            throw new TorchUnavailableException(probe.Reason, probe.LibraryPath, probe.Cause);
    }

    /// <summary>
    /// Returns true and the cause with its fix when TorchSharp cannot be used here; false (and an empty
    /// <paramref name="reason"/>) when it can.
    /// </summary>
    public static bool TryDiagnose(out string reason)
    {
        reason = Result.Value.Reason ?? "";
        return Result.Value.Reason is not null;
    }

    /// <summary>The platform's file name for TorchSharp's native library.</summary>
    internal static string NativeLibraryFileName =>
        OperatingSystem.IsWindows() ? "LibTorchSharp.dll"
        : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib"
        : "libLibTorchSharp.so";

    /// <summary>Where the native library may be: beside TorchSharp.dll or the app, the runtime's native search folders, runtimes/RID/native.</summary>
    internal static IReadOnlyList<string> SearchDirectories()
    {
        var roots = new List<string>();
        var torchSharpFolder = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (!string.IsNullOrEmpty(torchSharpFolder))
            roots.Add(torchSharpFolder);
        roots.Add(AppContext.BaseDirectory);
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string nativeFolders)
            roots.AddRange(nativeFolders.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

        var rid = $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-"
                  + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        return roots
            .SelectMany(root => new[] { root, Path.Combine(root, "runtimes", rid, "native") })
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The first <see cref="NativeLibraryFileName"/> in <see cref="SearchDirectories"/>, or null.</summary>
    internal static string? FindNativeLibrary() =>
        SearchDirectories().Select(folder => Path.Combine(folder, NativeLibraryFileName)).FirstOrDefault(File.Exists);

    private static Probe ProbeNow()
    {
        var library = FindNativeLibrary();
        if (library is null)
        {
            return new Probe(
                $"TorchSharp's native library {NativeLibraryFileName} was not found (looked in {string.Join(", ", SearchDirectories())}). "
                + "The application project must reference the TorchSharp-cpu package, which carries LibTorch and TorchSharp's natives "
                + "(plugins get them from the host).",
                null, null);
        }

        try
        {
            NativeLibrary.Load(library);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            var missing = OperatingSystem.IsLinux()
                ? NativeLoadDiagnosis.FindMissingVersions(library, NativeLoadDiagnosis.LocateProviderForThisProcess)
                : [];
            return new Probe(NativeLoadDiagnosis.Explain(library, e.Message, missing), library, e);
        }

        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or InvalidOperationException or TypeInitializationException)
        {
            return new Probe($"{library} loads, but TorchSharp failed to initialise on the CPU: {e.Message}", library, e);
        }
        AllocatorTuned = GlibcAllocatorTuning.Apply();
        TorchThreads.OnLibTorchLoaded();
        return new Probe(null, library, null);
    }

    /// <summary>
    /// Whether glibc's allocator was set to keep freed tensor memory in the process (see
    /// <see cref="GlibcAllocatorTuning"/>); false off glibc, or when MALLOC_*_ or NASPLATFORM_MALLOC_TUNING=0 are set.
    /// </summary>
    public static bool AllocatorTuned { get; private set; }

    private sealed record Probe(string? Reason, string? LibraryPath, Exception? Cause);
}
