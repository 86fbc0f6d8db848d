namespace NasPlatform.Cli.Infrastructure;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work itself failed (a run ended in error, a benchmark condition broke).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: an invalid experiment file, an unknown plugin, a missing store.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT): nothing finished is lost; run again to resume.</summary>
    public const int Interrupted = 130;
}
