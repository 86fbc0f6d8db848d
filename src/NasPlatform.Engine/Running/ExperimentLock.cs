using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Keeps two sessions (two processes, or two runners in one) from running the same experiment at
/// once, which would re-queue each other's running trials. An exclusive open of a lock file next
/// to the experiment's artifacts: .NET takes an advisory lock for it, which the operating system
/// drops when the process dies, so a kill -9 never leaves a stale lock behind. Who holds it is
/// written to a second file, <see cref="OwnerFileName"/>: the lock file itself cannot be read by
/// another .NET process while it is held.
/// </summary>
public sealed class ExperimentLock : IDisposable
{
    /// <summary>The lock file's name, in the experiment's artifacts folder.</summary>
    public const string LockFileName = "session.lock";

    /// <summary>The file naming the process that holds the lock ("pid 123 on host").</summary>
    public const string OwnerFileName = "session.owner";

    private readonly FileStream _file;

    private ExperimentLock(FileStream file)
    {
        _file = file;
    }

    /// <summary>Takes the lock of <paramref name="spec"/>'s experiment, whose artifacts live in <paramref name="artifactsDirectory"/>.</summary>
    /// <exception cref="NasConfigurationException">Another session holds it; the message names its process and how to resume later.</exception>
    public static ExperimentLock Acquire(string artifactsDirectory, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(artifactsDirectory);
        var path = Path.Combine(artifactsDirectory, LockFileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new NasConfigurationException(
                $"Experiment '{spec.Name}' is being run by another session ({HolderOf(artifactsDirectory)}; it holds '{path}'). Wait for it to end or stop it, then `{spec.ResumeCommand}`.", e);
        }

        var owner = $"pid {Environment.ProcessId} on {Environment.MachineName}";
        file.SetLength(0);
        using (var writer = new StreamWriter(file, leaveOpen: true))
        {
            writer.Write(owner);
        }

        file.Flush();
        File.WriteAllText(Path.Combine(artifactsDirectory, OwnerFileName), owner);
        return new ExperimentLock(file);
    }

    /// <summary>
    /// Who runs the experiment whose artifacts live in <paramref name="artifactsDirectory"/> now
    /// ("pid 123 on host"); null when no session holds its lock. Takes the lock for an instant to tell.
    /// </summary>
    public static string? HeldBy(string artifactsDirectory)
    {
        var path = Path.Combine(artifactsDirectory, LockFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // Gone meanwhile, or not ours to open: nothing says another session holds it.
            return null;
        }
        catch (IOException)
        {
            return HolderOf(artifactsDirectory);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();

    private static string HolderOf(string artifactsDirectory)
    {
        try
        {
            var owner = File.ReadAllText(Path.Combine(artifactsDirectory, OwnerFileName)).Trim();
            return owner.Length > 0 ? owner : "a process that did not say which";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "a process that did not say which";
        }
    }
}
