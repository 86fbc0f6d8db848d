using System.Diagnostics;

namespace NasPlatform.Cli.Tests;

/// <summary>Runs the built `nas` in a child process, through the same dotnet as the tests (the TorchSharp compat one where needed).</summary>
public static class NasProcess
{
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("NASPLATFORM_DOTNET_HOST") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start nas");
    }

    public static (int ExitCode, string Out, string Error) Run(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nas {string.Join(' ', args)} ran past {timeout}: {error.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
