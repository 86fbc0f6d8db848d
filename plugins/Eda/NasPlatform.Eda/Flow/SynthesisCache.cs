using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// Synthesizes each design once for all its placements. yosys's netlist depends on the Verilog and the technology
/// only (the density and the seed are placement knobs), so the first placement of a design runs
/// `qflow synthesize` in its own project folder under <see cref="Folder"/>, and every placement copies its
/// synthesis/ outputs and pristine layout/TOP.par. A marker (synthesized.ok) names the source content, so a
/// later run reuses a finished synthesis and a changed source synthesizes again. A failed synthesis fails every
/// placement of the design with the same error (the same input fails the same way) instead of running again.
/// </summary>
public sealed class SynthesisCache(string folder)
{
    private const string MarkerName = "synthesized.ok";

    private readonly ConcurrentDictionary<string, Lazy<Task<SynthesizedDesign>>> _runs = new(StringComparer.Ordinal);

    /// <summary>Where the shared syntheses live (DIR/placements/.synthesis in a dataset).</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The synthesized design, synthesizing it once (per process and, through the marker, across runs).</summary>
    public Task<SynthesizedDesign> GetAsync(DesignSource design, QflowPlacer placer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(placer);
        var key = Key(design, placer.Technology);
        return _runs.GetOrAdd(key, k => new Lazy<Task<SynthesizedDesign>>(() => SynthesizeAsync(design, placer, Path.Combine(Folder, k), cancellationToken))).Value;
    }

    /// <summary>The cache entry of a design: TOP-HASH12, the hash over technology, top module, dialect and Verilog text.</summary>
    public static string Key(DesignSource design, string technology)
    {
        ArgumentNullException.ThrowIfNull(design);
        var bytes = Encoding.UTF8.GetBytes($"{technology}\n{design.Top}\n{design.SystemVerilog}\n{design.Verilog}");
        return design.Top + "-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
    }

    /// <summary>Copies the synthesis outputs into a placement's qflow project (synthesis/, source/, layout/TOP.par).</summary>
    public static void CopyInto(SynthesizedDesign synthesized, string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var sub in new[] { "source", "synthesis" })
        {
            var target = Directory.CreateDirectory(Path.Combine(projectDirectory, sub)).FullName;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(synthesized.Directory, sub)))
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        var par = synthesized.Top + ".par";
        Directory.CreateDirectory(Path.Combine(projectDirectory, "layout"));
        File.Copy(Path.Combine(synthesized.Directory, "layout", par), Path.Combine(projectDirectory, "layout", par), overwrite: true);
    }

    private static async Task<SynthesizedDesign> SynthesizeAsync(DesignSource design, QflowPlacer placer, string directory, CancellationToken cancellationToken)
    {
        // Cluster workers (and their slots, each with a cache of its own) share the folder: one synthesizes, the others
        // wait and then find its marker.
        Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        await using var held = await Dataset.DatasetLocks.WaitAsync(directory + ".lock", cancellationToken).ConfigureAwait(false);
        var marker = Path.Combine(directory, MarkerName);
        var stamp = "source " + Path.GetFileName(directory);
        if (File.Exists(marker) && File.ReadLines(marker).FirstOrDefault() == stamp
            && File.Exists(Path.Combine(directory, "synthesis", design.Top + ".blif")) && File.Exists(Path.Combine(directory, "layout", design.Top + ".par")))
        {
            // The second line keeps the run that made it: command, exit code, seconds.
            var parts = File.ReadLines(marker).Skip(1).FirstOrDefault()?.Split('\t') ?? [];
            var seconds = parts.Length == 3 && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var command = parts.Length == 3 ? parts[0] : "qflow -T " + placer.Technology + " synthesize " + design.Top;
            return new SynthesizedDesign(design.Top, directory, new ToolRun(Shared(command, directory), 0, false, seconds, ""));
        }

        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var runs = new List<ToolRun>();
        await placer.SynthesizeAsync(design, directory, runs, cancellationToken).ConfigureAwait(false);
        var run = runs[^1];
        await File.WriteAllTextAsync(marker, string.Create(CultureInfo.InvariantCulture, $"{stamp}\n{run.Command}\t{run.ExitCode}\t{run.Seconds:0.###}\n"), cancellationToken).ConfigureAwait(false);
        return new SynthesizedDesign(design.Top, directory, run with { Command = Shared(run.Command, directory) });
    }

    /// <summary>The command as records show it: where the synthesis that all the design's placements share ran.</summary>
    private static string Shared(string command, string directory) =>
        command + " (shared: placements/.synthesis/" + Path.GetFileName(directory) + ")";
}

/// <summary>A design synthesized once (<see cref="SynthesisCache"/>): its qflow project folder and the run that made it.</summary>
public sealed record SynthesizedDesign(string Top, string Directory, ToolRun Run);
