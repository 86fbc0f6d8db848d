namespace NasPlatform.Engine.Running;

/// <summary>
/// Keeps two sessions (two processes, or two runners in one) from running the same experiment at
/// once, which would re-queue each other's running trials. An exclusive open of a lock file next
/// to the experiment's artifacts: .NET takes an advisory lock for it, which the operating system
/// drops when the process dies, so a kill -9 never leaves a stale lock behind.
/// </summary>
internal sealed class ExperimentLock : IDisposable
{
    private readonly FileStream _file;

    private ExperimentLock(FileStream file)
    {
        _file = file;
    }

    /// <summary>Takes the lock file <paramref name="path"/> of experiment <paramref name="experimentName"/> (see <c>ExperimentFolders.Lock</c>).</summary>
    /// <exception cref="NasConfigurationException">Another session holds it.</exception>
    public static ExperimentLock Acquire(string path, string experimentName)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write($"{Environment.MachineName}:{Environment.ProcessId}");
            }

            file.Flush();
            return new ExperimentLock(file);
        }
        catch (IOException e)
        {
            throw new NasConfigurationException(
                $"Experiment '{experimentName}' is being run by another session (it holds '{path}'). Wait for it to end or stop it, then `nas resume {experimentName}`.", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
