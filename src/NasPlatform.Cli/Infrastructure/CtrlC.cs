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

    public CtrlC(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                _source.Cancel();
            });
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
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
            _source.Cancel();
        }
    }
}
