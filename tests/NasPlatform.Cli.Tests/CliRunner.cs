namespace NasPlatform.Cli.Tests;

/// <summary>Runs `nas ARGS` in-process and captures what it writes.</summary>
public static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var previousOut = Console.Out;
        var previousError = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = Program.Main(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
