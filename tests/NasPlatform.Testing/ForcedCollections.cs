namespace NasPlatform.Testing;

/// <summary>
/// Runs full garbage collections and finalizers in a loop on a thread of its own until disposed: the condition
/// under which a TorchSharp Scalar that native code still reads gets finalized (dotnet/TorchSharp PR 1496).
/// Code that survives many iterations under it keeps every Scalar alive across its native calls.
/// </summary>
public sealed class ForcedCollections : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _collections;

    public ForcedCollections()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "forced GC" };
        _thread.Start();
    }

    /// <summary>Full collections run so far (a test checks the pressure was real).</summary>
    public long Collections => Interlocked.Read(ref _collections);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Loop()
    {
        while (!_stop)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            Interlocked.Increment(ref _collections);
        }
    }
}
