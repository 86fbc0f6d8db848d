namespace NasPlatform.Distributed.Tests;

/// <summary>Polls a condition of a child process's state until it holds or a deadline passes.</summary>
public static class WorkerWait
{
    /// <exception cref="TimeoutException">The condition did not hold in time; the message is <paramref name="why"/>'s.</exception>
    public static void Until(Func<bool> condition, TimeSpan timeout, Func<string> why)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(why());
            }

            Thread.Sleep(50);
        }
    }
}
