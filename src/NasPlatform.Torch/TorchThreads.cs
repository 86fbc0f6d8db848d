using System.Globalization;
using static TorchSharp.torch;

namespace NasPlatform.Torch;

/// <summary>
/// The one owner of LibTorch's intra-op thread count, which is per process: the only caller of
/// <c>torch.set_num_threads</c> (banned everywhere else, RS0030). The host sets its default when a
/// command starts (<see cref="UseHostDefault"/>: one thread, since workers run trials in parallel); a
/// component with an explicit setting (the vision evaluator's <c>threads</c>) states it with
/// <see cref="Require"/>, which wins over the default, and two components that require different counts
/// in one process are refused instead of silently overwriting each other.
/// </summary>
public static class TorchThreads
{
    private static readonly Lock Gate = new();
    private static (int Threads, string Owner)? _required;
    private static int _hostDefault;

    /// <summary>The thread count LibTorch runs with now; 0 when TorchSharp is unavailable.</summary>
    public static int Current => TorchRuntime.IsAvailable ? get_num_threads() : 0;

    /// <summary>
    /// The host's setting at the start of a command: <paramref name="threads"/> unless a component has
    /// required another count already. Applied when LibTorch is first checked (<see cref="TorchRuntime.EnsureAvailable"/>,
    /// which every component calls before its first TorchSharp call), at once when that happened already: a command
    /// whose components need no torch never loads LibTorch's native libraries, most of a short command's start-up.
    /// Does nothing where TorchSharp cannot load, so domains without torch still run.
    /// </summary>
    public static void UseHostDefault(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (Gate)
        {
            _hostDefault = threads;
        }

        if (TorchRuntime.IsChecked && TorchRuntime.IsAvailable)
        {
            lock (Gate)
            {
                Apply(_required?.Threads ?? threads);
            }
        }
    }

    /// <summary>Called once LibTorch has loaded (inside its check): gives it the host's default, if one was set.</summary>
    internal static void OnLibTorchLoaded()
    {
        lock (Gate)
        {
            if (_required is null && _hostDefault > 0)
            {
                Apply(_hostDefault);
            }
        }
    }

    /// <summary>A component's explicit thread count, applied at once.</summary>
    /// <param name="threads">Intra-op threads.</param>
    /// <param name="owner">Who requires it, for the error, e.g. "evaluator 'train' (option threads)".</param>
    /// <exception cref="InvalidOperationException">Another component of this process required another count.</exception>
    public static void Require(int threads, string owner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        TorchRuntime.EnsureAvailable();
        lock (Gate)
        {
            if (_required is { } earlier && earlier.Threads != threads)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"LibTorch threads are per process: {owner} requires {threads}, but {earlier.Owner} required {earlier.Threads} in this process. Give both the same \"threads\"."));
            }

            // The first to require a count stays its owner, for the message of a later clash.
            _required ??= (threads, owner);
            Apply(threads);
        }
    }

    /// <summary>Forgets the required count, so a test can check a clash and leave the process as it found it.</summary>
    internal static void ForgetRequirement()
    {
        lock (Gate)
        {
            _required = null;
        }
    }

    private static void Apply(int threads)
    {
        if (get_num_threads() != threads)
        {
#pragma warning disable RS0030 // The one place that may set LibTorch's thread count.
            set_num_threads(threads);
#pragma warning restore RS0030
        }
    }
}
