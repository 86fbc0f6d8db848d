namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// Turns the first Ctrl+C (or SIGTERM) into a cancellation, so a run stops cleanly with its
/// running trials put back in the queue; a second Ctrl+C ends the process at once (nothing
/// completed is lost either way: the store is written per trial).
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly System.Runtime.InteropServices.PosixSignalRegistration _terminate;
    private int _presses;
    private int _disposed;

    public CtrlC(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                // A SIGTERM that arrives while the command is already tearing down terminates as usual.
                if (Volatile.Read(ref _disposed) == 0)
                {
                    context.Cancel = true;
                    Cancel();
                }
            });
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref _presses) == 1)
        {
            e.Cancel = true;
            Console.Error.WriteLine("Stopping: running trials go back to the queue (`nas resume` continues). Press Ctrl+C again to quit at once.");
            Cancel();
        }
    }

    /// <summary>Signal handlers run on their own thread and may race with <see cref="Dispose"/>.</summary>
    private void Cancel()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
