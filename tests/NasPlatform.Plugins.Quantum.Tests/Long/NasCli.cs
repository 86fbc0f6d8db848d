using System.Diagnostics;

namespace NasPlatform.Plugins.Quantum.Tests.Long;

/// <summary>Runs the built CLI (artifacts/bin/nas/nas.dll) for the long example tests.</summary>
internal static class NasCli
{
    /// <summary>Runs <c>nas ARGS</c> from the repository root; kills it after <paramref name="timeout"/>.</summary>
    public static (int Code, string Out, string Error) Run(string root, TimeSpan timeout, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("NASPLATFORM_DOTNET_HOST") is { Length: > 0 } h ? h
            : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
            : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(root, "artifacts", "bin", "nas", "nas.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start nas");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nas {string.Join(' ', args)} ran past {timeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
