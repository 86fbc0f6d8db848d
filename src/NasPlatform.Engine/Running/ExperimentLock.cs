using NasPlatform.Abstractions;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Keeps two sessions (two processes, or two runners in one) from running the same experiment at
/// once, which would re-queue each other's running trials. An exclusive open of the experiment's lock
/// file (<see cref="ExperimentFolders.Lock"/>: keyed by store and experiment): .NET takes an advisory
/// lock for it, which the operating system drops when the process dies, so a kill -9 never leaves a
/// stale lock behind. Who holds it is written to a second file beside it (<c>NAME.owner</c>): the lock
/// file itself cannot be read by another .NET process while it is held.
/// </summary>
public sealed class ExperimentLock : IDisposable
{
    private readonly FileStream _file;

    private ExperimentLock(FileStream file)
    {
        _file = file;
    }

    /// <summary>Takes the lock file <paramref name="lockPath"/> of <paramref name="spec"/>'s experiment.</summary>
    /// <exception cref="NasConfigurationException">Another session holds it; the message names its process and how to resume later.</exception>
    public static ExperimentLock Acquire(string lockPath, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(lockPath);
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        FileStream file;
        try
        {
            file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new NasConfigurationException(
                $"Experiment '{spec.Name}' is being run by another session ({HolderOf(lockPath)}; it holds '{lockPath}'). Wait for it to end or stop it, then `{spec.ResumeCommand}`.", e);
        }

        var owner = $"pid {Environment.ProcessId} on {Environment.MachineName}";
        file.SetLength(0);
        using (var writer = new StreamWriter(file, leaveOpen: true))
        {
            writer.Write(owner);
        }

        file.Flush();
        File.WriteAllText(OwnerPath(lockPath), owner);
        return new ExperimentLock(file);
    }

    /// <summary>
    /// Who runs the experiment whose lock file is <paramref name="lockPath"/> now ("pid 123 on host");
    /// null when no session holds it. Takes the lock for an instant to tell.
    /// </summary>
    public static string? HeldBy(string lockPath)
    {
        ArgumentNullException.ThrowIfNull(lockPath);
        if (!File.Exists(lockPath))
        {
            return null;
        }

        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.None);
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // Gone meanwhile, or not ours to open: nothing says another session holds it.
            return null;
        }
        catch (IOException)
        {
            return HolderOf(lockPath);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();

    private static string OwnerPath(string lockPath) => Path.ChangeExtension(lockPath, ".owner");

    private static string HolderOf(string lockPath)
    {
        try
        {
            var owner = File.ReadAllText(OwnerPath(lockPath)).Trim();
            return owner.Length > 0 ? owner : "a process that did not say which";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "a process that did not say which";
        }
    }
}
