using System.ComponentModel;
using System.Globalization;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Eda.Dataset;
using NasPlatform.Engine;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// `nas eda dataset DIR`: places and routes a sweep of generated designs and the user's Verilog (--verilog)
/// with qflow and qrouter, routes the user's placed DEFs (--def with --lef) with qrouter, and stores
/// features and labels per sample in DIR; run it again (same options) to resume after a kill.
/// </summary>
public sealed class EdaDatasetCommand : AsyncCommand<EdaDatasetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Dataset folder (created; an existing one is resumed).")]
        public string Directory { get; init; } = "";

        [CommandOption("--designs <LIST>")]
        [Description("Comma-separated design names (mulN, macN, addN_K, firT_W, aluW, cntK_W, xbarP_W). Default: 12 designs of ~200-1,200 cells, or none when --verilog or --def is given.")]
        public string? Designs { get; init; }

        [CommandOption("--verilog <FILE[:TOP]>")]
        [Description("Your own Verilog design (repeatable): a self-contained file and its top module (default: the file name), synthesized and placed by qflow at every density and seed like a generated design.")]
        public string[] Verilog { get; init; } = [];

        [CommandOption("--def <FILE>")]
        [Description("An already placed DEF (repeatable), routed by qrouter under every --layers x --blockages; needs --lef. Placement options do not apply to it.")]
        public string[] Def { get; init; } = [];

        [CommandOption("--lef <FILE>")]
        [Description("LEF file(s) of the --def placements (repeatable: technology LEF, then cells LEF); qrouter and the feature maps read them.")]
        public string[] Lef { get; init; } = [];

        [CommandOption("--densities <LIST>")]
        [Description("Placement densities (qflow initial_density). Default 0.55,0.7,0.85.")]
        public string? Densities { get; init; }

        [CommandOption("--seeds <N>")]
        [Description("Placement seeds per design and density (1..N). Default 2.")]
        public int Seeds { get; init; } = 2;

        [CommandOption("--layers <LIST>")]
        [Description("Routing-layer counts. Default 2,3.")]
        public string? Layers { get; init; }

        [CommandOption("--blockages <LIST>")]
        [Description("Blocked die fractions on metal2/metal3. Default 0,0.2.")]
        public string? Blockages { get; init; }

        [CommandOption("--grid <N>")]
        [Description("Tiles per side of the feature grid. Default 32.")]
        public int Grid { get; init; } = 32;

        [CommandOption("--technology <NAME>")]
        [Description("qflow technology (osu018: 6 metal layers, osu035: 4). Default osu018.")]
        public string Technology { get; init; } = "osu018";

        [CommandOption("-j|--parallel <N>")]
        [Description("Placements run at once. Default 2.")]
        public int Parallel { get; init; } = 2;

        [CommandOption("--place-timeout <SECONDS>")]
        [Description("Time limit for qflow synthesize and place, each. Default 300.")]
        public double PlaceTimeout { get; init; } = 300;

        [CommandOption("--route-timeout <SECONDS>")]
        [Description("Time limit for one qrouter run. Default 180.")]
        public double RouteTimeout { get; init; } = 180;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            var defaults = new SweepSpec();
            var own = settings.Verilog.Length + settings.Def.Length > 0;
            if (settings.Lef.Length > 0 && settings.Def.Length == 0)
                throw new NasConfigurationException($"--lef {settings.Lef[0]}: LEF files go with placed DEFs; add --def FILE (generated and --verilog designs use the --technology's LEF).");
            var spec = new SweepSpec
            {
                Designs = settings.Designs is { } d ? d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : own ? [] : defaults.Designs,
                Verilog = settings.Verilog.Select(SweepInputs.ParseVerilog).ToList(),
                PlacedDefs = settings.Def.Select(Path.GetFullPath).ToList(),
                Lefs = settings.Lef.Select(Path.GetFullPath).ToList(),
                Densities = settings.Densities is { } x ? Numbers(x, "--densities") : defaults.Densities,
                Seeds = settings.Seeds,
                Layers = settings.Layers is { } l ? Numbers(l, "--layers").Select(v => (int)v).ToList() : defaults.Layers,
                Blockages = settings.Blockages is { } b ? Numbers(b, "--blockages") : defaults.Blockages,
                GridSize = settings.Grid,
                Technology = settings.Technology,
                PlaceTimeoutSeconds = settings.PlaceTimeout,
                RouteTimeoutSeconds = settings.RouteTimeout,
            };
            var problems = spec.Check();
            if (problems.Count > 0)
                throw new NasConfigurationException("Bad dataset sweep:\n  " + string.Join("\n  ", problems));

            string tech;
            try
            {
                // Checked before the folder is made: a bad DEF or LEF is named at once, with its line.
                if (spec.PlacedDefs.Count > 0)
                    SweepInputs.CheckPlacedDefs(spec.PlacedDefs, spec.Lefs, spec.Layers);
                tech = spec.Designs.Count + spec.Verilog.Count > 0 ? DatasetBuilder.FindTechnology(spec.Technology) : "";
            }
            catch (Exception e) when (e is DirectoryNotFoundException or ArgumentException)
            {
                throw new NasConfigurationException(e.Message);
            }

            Console.Error.WriteLine($"eda dataset {settings.Directory}: {spec.PlacementCount} placements x {spec.Layers.Count * spec.Blockages.Count} routings = {spec.SampleCount} samples, {settings.Parallel} at once");
            var progress = new ImmediateProgress<DatasetProgress>(p =>
            {
                var rate = (p.Done - p.Resumed) / Math.Max(1e-9, p.Elapsed.TotalHours);
                var eta = rate > 0 ? TimeSpan.FromHours((p.Total - p.Done) / rate) : TimeSpan.Zero;
                var what = p.Last.Succeeded
                    ? string.Create(CultureInfo.InvariantCulture, $"first-pass failed {p.Last.Labels!.FirstPassFailed}/{p.Last.Labels.Nets} ({p.Last.Labels.FirstPassRatio:P1}), final {p.Last.Labels.FinalFailed}")
                    : $"FAILED at {p.Last.FailedStep}: {p.Last.Error?.Split('\n')[0]}";
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{p.Done}/{p.Total}] {p.Last.Key}: {what}  ({rate:0}/h, {p.Failed} failed, eta {eta:hh\\:mm\\:ss})"));
            });
            var builder = new DatasetBuilder(settings.Directory, spec, tech);
            // Ctrl+C or SIGTERM cancels: running tools are killed with their children, finished samples stay.
            using var ctrlC = new CtrlC(cancellationToken);
            try
            {
                var done = await builder.BuildAsync(settings.Parallel, progress, ctrlC.Token).ConfigureAwait(false);
                Console.Error.WriteLine($"{done} of {spec.SampleCount} samples in {builder.Root}");
            }
            catch (ArgumentException e)
            {
                throw new NasConfigurationException(e.Message);
            }
            catch (OperationCanceledException) when (ctrlC.Token.IsCancellationRequested)
            {
                Console.Error.WriteLine($"Stopped; run the same command again to resume ({builder.Root}).");
                return RunHost.Interrupted;
            }

            return ExitCodes.Success;
        });

    // Progress<T> posts to the thread pool, which reorders lines; the builder already reports under a lock.
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static List<double> Numbers(string text, string option)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new NasConfigurationException($"{option}: '{part}' is not a number; give a comma-separated list such as 0.6,0.8.");
            values.Add(v);
        }

        return values;
    }
}
