namespace NasPlatform.Testing;

/// <summary>Polls a condition (a child process's output, a store's contents) until it holds or a deadline passes.</summary>
public static class Poll
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
