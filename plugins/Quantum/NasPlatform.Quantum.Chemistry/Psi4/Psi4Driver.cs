using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>
/// Runs psi4 (Debian package <c>psi4</c>) on a molecule and caches what it wrote on disk by the SHA-256
/// of the input: <c>&lt;cache&gt;/&lt;hash&gt;/</c> holds input.dat, output.dat (psi4's log), molecule.fcidump
/// and result.json (energies and provenance: psi4 version, input, time). A second call with the same
/// input reads the cache without starting psi4. Runs go to a private folder first and are moved in
/// whole, so concurrent callers never see half a result. A failed run's folder stays as
/// <c>&lt;hash&gt;.failed</c> for reading.
/// </summary>
public sealed class Psi4Driver
{
    /// <summary>Environment variable naming the psi4 executable (default: psi4 on PATH).</summary>
    public const string ExecutableVariable = "NASPLATFORM_PSI4";

    /// <summary>Environment variable naming the cache folder.</summary>
    public const string CacheVariable = "NASPLATFORM_PSI4_CACHE";

    /// <param name="cacheDirectory">Where results are kept (null: <see cref="DefaultCacheDirectory"/>).</param>
    /// <param name="executable">psi4's path or a name looked up on PATH (null: $NASPLATFORM_PSI4, else "psi4").</param>
    /// <param name="timeout">Longest psi4 run (null: 30 minutes).</param>
    public Psi4Driver(string? cacheDirectory = null, string? executable = null, TimeSpan? timeout = null)
    {
        CacheDirectory = Path.GetFullPath(cacheDirectory ?? DefaultCacheDirectory());
        Executable = executable ?? (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured ? configured : "psi4");
        Timeout = timeout ?? TimeSpan.FromMinutes(30);
    }

    /// <summary>Where results are kept.</summary>
    public string CacheDirectory { get; }

    /// <summary>psi4's path or name.</summary>
    public string Executable { get; }

    /// <summary>Longest psi4 run.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>$NASPLATFORM_PSI4_CACHE, else $XDG_CACHE_HOME/nasplatform/psi4, else ~/.cache/nasplatform/psi4.</summary>
    public static string DefaultCacheDirectory()
    {
        if (Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "nasplatform", "psi4");
    }

    /// <summary>The SHA-256 (hex) of an input text: the cache key.</summary>
    public static string Hash(string inputText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputText)));

    /// <summary>psi4's result for <paramref name="molecule"/>, from the cache or a fresh run.</summary>
    /// <exception cref="MoleculeSpecException">The molecule is unusable (before psi4 starts).</exception>
    /// <exception cref="Psi4Exception">psi4 is missing, failed (the message carries its error line) or timed out.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; psi4 is killed.</exception>
    public async Task<Psi4Result> RunAsync(MoleculeSpec molecule, CancellationToken cancellationToken = default)
    {
        var input = Psi4Input.Write(molecule);
        var hash = Hash(input);
        var final = Path.Combine(CacheDirectory, hash);
        if (TryReadCached(final) is { } cached)
        {
            return cached;
        }

        var executable = ResolveExecutable(Executable) ?? throw new Psi4Exception(
            $"psi4 was not found (looked for \"{Executable}\"{(Executable.Contains('/') ? string.Empty : " on PATH")}). Install the Debian package psi4 (sudo apt-get install psi4; scripts/system-packages.sh does it), or set {ExecutableVariable} to psi4's path.");
        Directory.CreateDirectory(CacheDirectory);
        var work = Path.Combine(CacheDirectory, $".run-{hash[..16]}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work, "input.dat"), input, cancellationToken).ConfigureAwait(false);
            var created = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture);
            var environment = new Dictionary<string, string> { ["PSI_SCRATCH"] = work, ["OMP_NUM_THREADS"] = "1" };
            var run = await ChildProcess.RunAsync(executable, ["input.dat", "output.dat"], work, environment, Timeout, cancellationToken).ConfigureAwait(false);
            var result = Path.Combine(work, Psi4Input.ResultFile);
            if (run.TimedOut || run.ExitCode != 0 || !File.Exists(result) || !File.Exists(Path.Combine(work, Psi4Input.FcidumpFile)))
            {
                throw Failure(molecule, work, final, run);
            }

            var json = JsonNode.Parse(await File.ReadAllTextAsync(result, cancellationToken).ConfigureAwait(false))!.AsObject();
            json["input_hash"] = hash;
            json["created_utc"] = created;
            json["seconds"] = Math.Round(run.Seconds, 3);
            json["executable"] = executable;
            json["input"] = input;
            await File.WriteAllTextAsync(Path.Combine(work, "result.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
            Publish(work, final);
            var published = TryReadCached(final) ?? throw new Psi4Exception($"psi4's result in {final} could not be read back.");
            return published with { FromCache = false };
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The executable's full path, or null when there is none.</summary>
    public static string? ResolveExecutable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('/'))
        {
            return IsExecutable(name) ? Path.GetFullPath(name) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static Psi4Exception Failure(MoleculeSpec molecule, string work, string final, ChildProcess.Result run)
    {
        var log = Path.Combine(work, "output.dat");
        var text = run.Output + (File.Exists(log) ? "\n" + File.ReadAllText(log) : string.Empty);
        var kept = final + ".failed";
        if (Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }

        Directory.Move(work, kept);
        var keptLog = Path.Combine(kept, "output.dat");
        var where = File.Exists(keptLog) ? keptLog : kept;
        if (run.TimedOut)
        {
            return new Psi4Exception(string.Create(CultureInfo.InvariantCulture,
                $"psi4 did not finish {molecule} within {run.Seconds:F0} s and was stopped; choose a smaller basis or active space (psi4's log: {where})."), null, where);
        }

        var line = Psi4ErrorLine.Find(text) ?? "no error message";
        return new Psi4Exception($"psi4 failed on {molecule}: {line} (exit code {run.ExitCode}; psi4's log: {where}).", line, where);
    }

    private static void Publish(string work, string final)
    {
        File.Delete(Path.Combine(work, "timer.dat"));
        try
        {
            Directory.Move(work, final);
        }
        catch (IOException) when (Directory.Exists(final))
        {
            // Another caller published the same input first; its result is as good.
        }
    }

    private static Psi4Result? TryReadCached(string folder)
    {
        var resultPath = Path.Combine(folder, "result.json");
        var fcidump = Path.Combine(folder, Psi4Input.FcidumpFile);
        if (!File.Exists(resultPath) || !File.Exists(fcidump))
        {
            return null;
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(resultPath))!.AsObject();
            return new Psi4Result(
                fcidump,
                json["scf_energy"]!.GetValue<double>(),
                json["fci_energy"]?.GetValue<double>(),
                json["fci_frozen_core"]?.GetValue<int>(),
                json["fci_active_orbitals"]?.GetValue<int>(),
                json["nuclear_repulsion"]!.GetValue<double>(),
                json["nmo"]!.GetValue<int>(),
                json["psi4_version"]!.GetValue<string>(),
                json["input"]!.GetValue<string>(),
                json["input_hash"]!.GetValue<string>(),
                json["created_utc"]!.GetValue<string>(),
                json["seconds"]!.GetValue<double>(),
                json["executable"]!.GetValue<string>(),
                FromCache: true);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null;
        }
    }
}
