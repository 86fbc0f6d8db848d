using System.Text.RegularExpressions;
using NasPlatform.Eda.Def;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Lef;
using NasPlatform.Eda.Parsing;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// Checks the user's own inputs of a sweep before any tool runs, so a bad file is named at once: Verilog
/// files (readable, the top module defined) and placed DEFs with their LEFs (both parse, every component's
/// macro is in the LEFs, and the LEFs have the routing layers the sweep asks for).
/// </summary>
public static partial class SweepInputs
{
    /// <summary>The DEF database units LEF/DEF allows, for the fix a units mismatch suggests.</summary>
    private static readonly int[] DefUnitChoices = [100, 200, 250, 400, 500, 800, 1000, 2000, 4000, 5000, 8000, 10000, 20000];

    /// <summary>
    /// Reads "FILE" or "FILE:TOP". Without TOP: the module named like the file (without extension), else the file's
    /// only module, as yosys's auto-top would take it (a file with several modules and none named like it is refused
    /// by <see cref="CheckVerilog"/>, which lists them).
    /// </summary>
    public static VerilogDesign ParseVerilog(string argument)
    {
        var cut = argument.LastIndexOf(':');
        if (cut > 0 && !argument[(cut + 1)..].Contains('/', StringComparison.Ordinal))
            return new VerilogDesign(System.IO.Path.GetFullPath(argument[..cut]), argument[(cut + 1)..]);
        var path = System.IO.Path.GetFullPath(argument);
        var byName = System.IO.Path.GetFileNameWithoutExtension(argument);
        var modules = ModulesIn(path);
        return new VerilogDesign(path, modules is [var only] && only != byName ? only : byName);
    }

    /// <summary>The modules a file defines, or none when it cannot be read (<see cref="CheckVerilog"/> names that).</summary>
    private static List<string> ModulesIn(string path)
    {
        try
        {
            return ModulesOf(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The names after 'module' at the start of a line, each once, in file order.</summary>
    private static List<string> ModulesOf(string text) =>
        [.. ModuleName().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Problems with the sweep's Verilog files, each naming the file and the fix; empty when none.</summary>
    public static IReadOnlyList<string> CheckVerilog(IReadOnlyList<VerilogDesign> designs)
    {
        var errors = new List<string>();
        foreach (var d in designs)
        {
            if (!Identifier().IsMatch(d.Top))
            {
                errors.Add($"{d.Path}: top module '{d.Top}' is not a plain Verilog identifier (letters, digits, _); give it as FILE:TOP.");
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(d.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{d.Path}: cannot read the Verilog file ({e.Message}).");
                continue;
            }

            var modules = ModulesOf(text);
            if (!modules.Contains(d.Top, StringComparer.Ordinal))
            {
                errors.Add(modules.Count == 0
                    ? $"{d.Path}: no 'module NAME' found; is this a Verilog file?"
                    : $"{d.Path}: no module '{d.Top}' (it defines {string.Join(", ", modules)}); name the top module as {d.Path}:TOP.");
            }
        }

        foreach (var twice in designs.GroupBy(d => d.Top, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"--verilog: two designs have the top module '{twice.Key}' ({string.Join(", ", twice.Select(d => d.Path))}); a design's name must be unique.");
        return errors;
    }

    /// <summary>
    /// Reads the LEFs and every placed DEF (as the builder will) and returns the library; throws
    /// <see cref="ArgumentException"/> naming the file, the line and the fix when something does not fit.
    /// </summary>
    public static LefLibrary CheckPlacedDefs(IReadOnlyList<string> defs, IReadOnlyList<string> lefs, IReadOnlyList<int> layers)
    {
        if (defs.Count > 0 && lefs.Count == 0)
            throw new ArgumentException($"--def {defs[0]}: a placed DEF needs the LEF of its cells and routing layers; add --lef FILE.");
        foreach (var file in defs.Concat(lefs).Where(f => !File.Exists(f)))
            throw new ArgumentException($"{file}: no such file.");
        LefLibrary library;
        try
        {
            library = LefReader.Read([.. lefs]);
        }
        catch (LefDefFormatException e)
        {
            throw new ArgumentException($"{e.Message} (fix the LEF or pass another with --lef)", e);
        }

        if (library.RoutingLayers.Count == 0)
            throw new ArgumentException($"{string.Join(", ", lefs)}: no routing layers (LAYER ... TYPE ROUTING); add the technology LEF with another --lef.");
        if (layers.Count > 0 && layers.Max() > library.RoutingLayers.Count)
            throw new ArgumentException($"{string.Join(", ", lefs)}: {library.RoutingLayers.Count} routing layers; --layers asks for {layers.Max()}. Lower --layers.");
        foreach (var def in defs)
        {
            CheckUnits(def, lefs, library);
            try
            {
                var placement = Placement.Build(DefReader.Read(def), library);
                if (placement.Cells.Count == 0)
                    throw new ArgumentException($"{def}: no placed components; pass a placed DEF (COMPONENTS with PLACED or FIXED).");
            }
            catch (LefDefFormatException e)
            {
                throw new ArgumentException($"{e.Message} (pass a placed DEF whose cells the --lef files define)", e);
            }
        }

        return library;
    }

    /// <summary>
    /// The DEF's UNITS DISTANCE MICRONS must divide the LEF's DATABASE MICRONS (100 with a 1000 LEF is fine; qrouter
    /// segfaults on 300 and never finishes on 2000), so a mismatch is refused before qrouter sees it.
    /// </summary>
    private static void CheckUnits(string def, IReadOnlyList<string> lefs, LefLibrary library)
    {
        if (library.DatabaseMicrons is not { } lefUnits || lefUnits <= 0)
            return;
        var (defUnits, line) = FindNumber(def, DefUnits());
        if (defUnits is not { } units || (units <= lefUnits && Math.Abs(lefUnits / units - Math.Round(lefUnits / units)) < 1e-9))
            return;
        var lef = lefs.FirstOrDefault(f => FindNumber(f, LefUnits()).Value is not null) ?? lefs[0];
        var (_, lefLine) = FindNumber(lef, LefUnits());
        var divisors = DefUnitChoices.Where(d => d <= lefUnits && lefUnits % d == 0);
        throw new ArgumentException(
            $"{def}:{line}: UNITS DISTANCE MICRONS {units:0.###} does not fit the LEF's DATABASE MICRONS {lefUnits:0.###} ({lef}:{lefLine}): "
            + $"the DEF's units must divide the LEF's, or qrouter crashes or never finishes. Write the DEF with UNITS DISTANCE MICRONS {lefUnits:0.###} "
            + $"(or one of {string.Join(", ", divisors)}), scaling its coordinates, or pass the LEF it was made with.");
    }

    private static (double? Value, int Line) FindNumber(string file, Regex pattern)
    {
        var number = 0;
        foreach (var text in File.ReadLines(file))
        {
            number++;
            if (pattern.Match(text) is { Success: true } m)
                return (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), number);
        }

        return (null, 0);
    }

    [GeneratedRegex(@"^\s*UNITS\s+DISTANCE\s+MICRONS\s+([0-9.]+)")]
    private static partial Regex DefUnits();

    [GeneratedRegex(@"^\s*DATABASE\s+MICRONS\s+([0-9.]+)")]
    private static partial Regex LefUnits();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*module\s+([A-Za-z_][A-Za-z0-9_$]*)", RegexOptions.Multiline)]
    private static partial Regex ModuleName();
}
