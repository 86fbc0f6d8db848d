using NasPlatform.Abstractions;
using NasPlatform.Engine;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>Bad input becomes its message on stderr and exit code 2; nothing else is swallowed.</summary>
internal static class CommandErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (NasConfigurationException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
    }

    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (NasConfigurationException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
    }
}
