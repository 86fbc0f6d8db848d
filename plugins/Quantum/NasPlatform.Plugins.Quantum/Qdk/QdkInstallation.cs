using System.Diagnostics;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// Where Microsoft's Quantum Development Kit (npm package <c>qsharp-lang</c>, the version pinned in the plugin's
/// <c>node/package.json</c> and <c>package-lock.json</c>) lives on this machine, installed on first use with
/// <c>npm ci</c> into a cache folder keyed by that version: <c>$NASPLATFORM_QDK_HOME</c>, else
/// <c>$XDG_CACHE_HOME/nasplatform/qdk/qsharp-lang-VERSION</c> (<c>~/.cache</c> without XDG_CACHE_HOME).
/// <c>scripts/system-packages.sh</c> installs the same folder ahead (CI, <c>./test.sh</c>).
/// </summary>
public sealed class QdkInstallation
{
    /// <summary>The pinned package.</summary>
    public const string PackageName = "qsharp-lang";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private QdkInstallation(string node, string home, string bridge, string version)
    {
        Node = node;
        Home = home;
        Bridge = bridge;
        Version = version;
    }

    /// <summary>The node executable.</summary>
    public string Node { get; }

    /// <summary>The folder holding node_modules/qsharp-lang.</summary>
    public string Home { get; }

    /// <summary>The bridge script (shipped in the plugin's output, <c>node/qdk-bridge.mjs</c>).</summary>
    public string Bridge { get; }

    /// <summary>The pinned qsharp-lang version.</summary>
    public string Version { get; }

    /// <summary>The plugin's <c>node</c> folder (package.json, lock, bridge), beside its assembly.</summary>
    public static string PluginNodeFolder => Path.Combine(Path.GetDirectoryName(typeof(QdkInstallation).Assembly.Location)!, "node");

    /// <summary>Finds node and the package, installing the package with <c>npm ci</c> when its folder lacks it.</summary>
    /// <exception cref="NasConfigurationException">Node or npm is missing, or the install failed; the message says what to run.</exception>
    public static QdkInstallation Ensure()
    {
        var source = PluginNodeFolder;
        var manifest = Path.Combine(source, "package.json");
        if (!File.Exists(manifest))
        {
            throw new InvalidOperationException($"The quantum plugin's {manifest} is missing: the plugin's build output is incomplete; rebuild it.");
        }

        var version = JObject.Parse(File.ReadAllText(manifest))["dependencies"]?[PackageName]?.Value<string>()
            ?? throw new InvalidOperationException($"{manifest} pins no {PackageName} version.");
        var node = FindOnPath("node") ?? throw new NasConfigurationException(
            "Microsoft's Quantum Development Kit runs on Node.js, and `node` is not on PATH. Install it: sudo apt-get install nodejs npm " +
            "(or run scripts/system-packages.sh, which also installs the pinned qsharp-lang).");
        var home = HomeFor(version);
        if (InstalledVersion(home) != version)
        {
            Install(source, home, version);
        }

        return new QdkInstallation(node, home, Path.Combine(source, "qdk-bridge.mjs"), version);
    }

    /// <summary>
    /// This machine's installation when Node.js is on PATH and the pinned qsharp-lang is installed already; null
    /// otherwise. Unlike <see cref="Ensure"/> it installs nothing, for callers (trial views) that only offer extras.
    /// </summary>
    public static QdkInstallation? Existing()
    {
        var source = PluginNodeFolder;
        var manifest = Path.Combine(source, "package.json");
        if (!File.Exists(manifest) || FindOnPath("node") is not { } node)
        {
            return null;
        }

        var version = JObject.Parse(File.ReadAllText(manifest))["dependencies"]?[PackageName]?.Value<string>();
        var home = HomeFor(version ?? string.Empty);
        return version is not null && InstalledVersion(home) == version
            ? new QdkInstallation(node, home, Path.Combine(source, "qdk-bridge.mjs"), version)
            : null;
    }

    /// <summary>The version of qsharp-lang installed under <paramref name="home"/>, or null.</summary>
    public static string? InstalledVersion(string home)
    {
        var path = Path.Combine(home, "node_modules", PackageName, "package.json");
        try
        {
            return File.Exists(path) ? JObject.Parse(File.ReadAllText(path))["version"]?.Value<string>() : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static string HomeFor(string version) =>
        Environment.GetEnvironmentVariable("NASPLATFORM_QDK_HOME") is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : Path.Combine(CacheRoot(), "nasplatform", "qdk", $"{PackageName}-{version}");

    private static void Install(string source, string home, string version)
    {
        var npm = FindOnPath("npm") ?? throw new NasConfigurationException(
            $"{PackageName} {version} is not installed in {home} and `npm` is not on PATH. Install npm (sudo apt-get install npm), " +
            $"then run scripts/system-packages.sh or: cd {home} && npm ci (with the plugin's node/package.json and package-lock.json there).");
        InstallGate.Wait();
        try
        {
            Directory.CreateDirectory(home);
            // Several test processes may start at once: one installs, the others wait on the lock file.
            using var gate = AcquireFileLock(Path.Combine(home, ".install.lock"));
            if (InstalledVersion(home) == version)
            {
                return;
            }

            File.Copy(Path.Combine(source, "package.json"), Path.Combine(home, "package.json"), overwrite: true);
            File.Copy(Path.Combine(source, "package-lock.json"), Path.Combine(home, "package-lock.json"), overwrite: true);
            var info = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            {
                WorkingDirectory = home,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0 || InstalledVersion(home) != version)
            {
                throw new NasConfigurationException(
                    $"Installing {PackageName} {version} with `npm ci` in {home} failed (exit {process.ExitCode}): {(stderr.Result + stdout.Result).Trim()}\n" +
                    $"Run it by hand there (it needs the npm registry), or run scripts/system-packages.sh.");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static FileStream AcquireFileLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string CacheRoot() =>
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
