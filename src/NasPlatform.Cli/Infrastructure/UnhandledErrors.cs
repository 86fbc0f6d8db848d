using Spectre.Console.Cli;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// What Spectre.Console.Cli would otherwise answer with exit code -1 (255): a usage error (unknown command,
/// missing argument) is bad input, exit 2; an exception a command did not expect (a native LibTorch error, an
/// I/O failure) is a failed run, exit 1, with its message and where the work stands.
/// </summary>
internal static class UnhandledErrors
{
    public static int Report(Exception exception) => Report(exception, [], new CommandTable());

    /// <summary>Reports <paramref name="exception"/> raised for <c>nas ARGS</c>, whose commands are <paramref name="commands"/>.</summary>
    public static int Report(Exception exception, IReadOnlyList<string> args, CommandTable commands)
    {
        if (exception is CommandAppException usage)
        {
            Console.Error.WriteLine(UsageErrors.Describe(usage, args, commands));
            return ExitCodes.BadInput;
        }

        Console.Error.WriteLine($"nas: failed with {exception.GetType().Name}: {Summary(exception)}");
        Console.Error.WriteLine("Finished results are kept: stores and result files are written as each trial or run ends, so the same command (or nas resume) continues where this stopped.");
        return ExitCodes.Failure;
    }

    /// <summary>
    /// What went wrong, on one line: LibTorch appends its C++ stack to the message, which this leaves out, keeping
    /// where the check failed (<c>raised from toFloat at c10/core/Scalar.h:140</c>): a bare "Expected false to be
    /// true" says nothing without it.
    /// </summary>
    public static string Summary(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lines = exception.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var message = string.Join(' ', lines.TakeWhile(l => !l.StartsWith("Exception raised from", StringComparison.Ordinal)).Take(4))
            .Replace("  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)", string.Empty, StringComparison.Ordinal);
        var origin = lines.FirstOrDefault(l => l.StartsWith("Exception raised from", StringComparison.Ordinal));
        if (origin is null)
        {
            return message;
        }

        // "Exception raised from toFloat at /pytorch/c10/core/Scalar.h:140 (most recent call first):"
        var place = origin["Exception raised from ".Length..].Replace(" (most recent call first):", string.Empty, StringComparison.Ordinal).Replace("/pytorch/", string.Empty, StringComparison.Ordinal);
        var summary = $"{message} (LibTorch: raised from {place})";
        return place.Contains("c10/core/Scalar.h", StringComparison.Ordinal)
            ? summary + "; a TorchSharp Scalar was freed while LibTorch read it (dotnet/TorchSharp PR 1496): please report this with the command you ran"
            : summary;
    }
}
