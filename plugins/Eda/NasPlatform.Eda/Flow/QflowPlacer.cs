using System.Globalization;
using System.Text.RegularExpressions;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// Synthesizes (yosys) and places (graywolf) a design with qflow in a project folder
/// (source/, synthesis/, layout/, log/). The density goes into project_vars.sh, the seed into
/// layout/TOP.par (*random.seed) between synthesis and placement.
/// </summary>
public sealed partial class QflowPlacer(string technology, TimeSpan timeout)
{
    public string Technology { get; } = technology;

    /// <summary>Scale the place limit to the synthesized cell count (<see cref="ToolTimeouts"/>); synthesis, before the cells are known, gets <see cref="ToolTimeouts.SynthesisFactor"/> times the base.</summary>
    public bool ScalePlaceTimeout { get; init; }

    /// <summary>
    /// Synthesizes each design once for all its placements (<see cref="SynthesisCache"/>); null: every placement
    /// synthesizes in its own project.
    /// </summary>
    public SynthesisCache? Synthesis { get; init; }

    /// <summary>Places the design and returns the placed DEF (layout/TOP_unroute.def).</summary>
    public async Task<string> PlaceAsync(DesignSource design, PlacementKnobs knobs, string projectDirectory, List<ToolRun> runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(knobs);
        ArgumentNullException.ThrowIfNull(runs);
        if (Synthesis is { } cache)
        {
            SynthesizedDesign synthesized;
            try
            {
                synthesized = await cache.GetAsync(design, this, cancellationToken).ConfigureAwait(false);
            }
            catch (ToolFailedException e) when (e.Run is not null)
            {
                runs.Add(e.Run);
                throw;
            }

            runs.Add(synthesized.Run);
            SynthesisCache.CopyInto(synthesized, projectDirectory);
            Directory.CreateDirectory(Path.Combine(projectDirectory, "log"));
        }
        else
        {
            await SynthesizeAsync(design, projectDirectory, runs, cancellationToken).ConfigureAwait(false);
        }

        // The density is a placement option (yosys does not read it): written after synthesis, for qflow place.
        await File.WriteAllTextAsync(
            Path.Combine(projectDirectory, "project_vars.sh"),
            "#!/bin/tcsh -f\n" + string.Create(CultureInfo.InvariantCulture, $"set initial_density = {knobs.Density:0.###}\n"),
            cancellationToken).ConfigureAwait(false);
        var par = Path.Combine(projectDirectory, "layout", design.Top + ".par");
        var netlist = Path.Combine(projectDirectory, "synthesis", design.Top + ".blif");
        var text = await File.ReadAllTextAsync(par, cancellationToken).ConfigureAwait(false);
        if (!SeedLine().IsMatch(text))
            throw new ToolFailedException("place", null, $"{par} has no '*random.seed' line to set the placement seed.");
        text = SeedLine().Replace(text, string.Create(CultureInfo.InvariantCulture, $"*random.seed : {knobs.Seed}"));
        await File.WriteAllTextAsync(par, text, cancellationToken).ConfigureAwait(false);

        var placeLimit = ToolTimeouts.For(timeout.TotalSeconds, ToolTimeouts.CountBlifCells(netlist), ScalePlaceTimeout);
        var place = await Run("place", design.Top, projectDirectory, placeLimit, runs, cancellationToken).ConfigureAwait(false);
        var def = Path.Combine(projectDirectory, "layout", design.Top + "_unroute.def");
        if (!File.Exists(def))
            throw new ToolFailedException("place", place, $"qflow place left no {Path.GetFileName(def)}. Log tail:\n{place.Tail()}");
        return def;
    }

    /// <summary>Runs `qflow synthesize` in <paramref name="projectDirectory"/> (source/, synthesis/, layout/TOP.par, log/); throws <see cref="ToolFailedException"/> when it fails or leaves no netlist.</summary>
    public async Task SynthesizeAsync(DesignSource design, string projectDirectory, List<ToolRun> runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(design);
        foreach (var folder in new[] { "source", "synthesis", "layout", "log" })
            Directory.CreateDirectory(Path.Combine(projectDirectory, folder));
        await File.WriteAllTextAsync(Path.Combine(projectDirectory, "source", design.Top + (design.SystemVerilog ? ".sv" : ".v")), design.Verilog, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(projectDirectory, "project_vars.sh"), "#!/bin/tcsh -f\n", cancellationToken).ConfigureAwait(false);
        var synthesisLimit = ScalePlaceTimeout ? timeout * ToolTimeouts.SynthesisFactor : timeout;
        var synthesis = await Run("synthesize", design.Top, projectDirectory, synthesisLimit, runs, cancellationToken).ConfigureAwait(false);
        var par = Path.Combine(projectDirectory, "layout", design.Top + ".par");
        var netlist = Path.Combine(projectDirectory, "synthesis", design.Top + ".blif");
        if (!File.Exists(netlist) || !File.Exists(par))
            throw new ToolFailedException("synthesize", synthesis, $"qflow synthesize left no {design.Top}.blif or .par in {projectDirectory}; the Verilog may not synthesize. Log tail:\n{synthesis.Tail()}");
    }

    private async Task<ToolRun> Run(string step, string top, string directory, TimeSpan limit, List<ToolRun> runs, CancellationToken cancellationToken)
    {
        var run = await ToolRunner.RunAsync("qflow", ["-T", Technology, step, top], directory, limit, cancellationToken).ConfigureAwait(false);
        runs.Add(run);
        if (!run.Succeeded)
            throw new ToolFailedException(step, run, run.TimedOut ? $"qflow {step} ran past {limit.TotalSeconds:0} s; raise --place-timeout." : $"qflow {step} exited with {run.ExitCode}: {FirstError(directory, run)} Log tail:\n{run.Tail()}");
        return run;
    }

    /// <summary>The tool's own error line (from the output or qflow's log/ folder), so the console shows why, not just that.</summary>
    private static string FirstError(string directory, ToolRun run)
    {
        var logs = Directory.Exists(Path.Combine(directory, "log"))
            ? Directory.EnumerateFiles(Path.Combine(directory, "log"), "*.log").Order(StringComparer.Ordinal).SelectMany(File.ReadLines)
            : [];
        var line = run.Output.Split('\n').Concat(logs).Select(l => l.Trim())
            .FirstOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
        return line is null ? "(no error line in its output)." : line;
    }

    [GeneratedRegex(@"^\*random\.seed\s*:.*$", RegexOptions.Multiline)]
    private static partial Regex SeedLine();
}
