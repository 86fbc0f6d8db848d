using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Features;
using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Commands;

/// <summary>
/// `nas eda labels DIR`: how a dataset's labels spread, per routing condition (layers x blockage x density) and per
/// design: first-pass failed-net ratio, final failed nets and hotspot fraction, as quantiles and histograms (text,
/// and JSON with --json). A condition whose samples all sit in one bin, or hotspot maps that mark most tiles, carry
/// little for Kendall tau or ROC-AUC. --relabel first upgrades samples made under another hotspot label (version or threshold) without routing again.
/// </summary>
internal static class LabelsCommand
{
    public static PluginCommand Declaration { get; } = new(
        "eda",
        "labels",
        "Show how a dataset's labels spread per routing condition and design (first-pass ratio, final failed nets, hotspot fraction).",
        [new PluginCommandArgument("DIR", "A dataset folder made by 'nas eda dataset'.")],
        [
            new("json", "FILE", "Also write the distributions (quantiles, histograms) as JSON to FILE ('-' for standard output instead of the text)."),
            new("thresholds", "LIST", "Also show how the hotspot label would spread per routing condition if a tile were hot at these shares of its routing capacity (e.g. 0.05,0.15,0.3), beside the version 1 label; read from the kept placements."),
            new("relabel", null, "First recompute the hotspot labels of samples made under another hotspot label version or threshold, from the kept placement and qrouter's first-pass failed nets (no routing)."),
        ],
        ["eda labels ../eda-data/routability", "eda labels ../eda-data/routability --json labels.json"],
        Run);

    private static Task<int> Run(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var directory = command.Arguments[0];
        if (!Directory.Exists(directory))
            throw new NasConfigurationException($"{directory}: no such dataset folder; build one with 'nas eda dataset {directory}'.");
        try
        {
            if (command.Has("relabel"))
            {
                var (relabelled, problems) = Relabeler.Relabel(directory);
                command.Error.WriteLine($"relabelled {relabelled} samples to hotspot label version {SampleLabels.CurrentHotspotVersion} at {HotspotLabeler.DemandThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} of capacity" + (problems.Count > 0 ? $"; {problems.Count} could not be:" : ""));
                foreach (var problem in problems.Take(10))
                    command.Error.WriteLine("  " + problem);
            }

            var records = SampleFiles.ReadRecords(directory);
            var report = LabelReport.Build(Path.GetFullPath(directory), records);
            var sweep = Thresholds(command) is { } thresholds ? ThresholdSweep.Build(directory, records, thresholds) : null;
            var json = command.Value("json");
            var document = JsonConvert.SerializeObject(new { labels = report, thresholds = sweep }, Formatting.Indented);
            if (json == "-")
            {
                command.Output.WriteLine(document);
                return Task.FromResult(0);
            }

            command.Output.Write(report.ToText());
            if (sweep is not null)
            {
                command.Output.WriteLine();
                command.Output.Write(sweep.ToText());
            }

            if (json is not null)
            {
                File.WriteAllText(json, document);
                command.Error.WriteLine($"wrote {Path.GetFullPath(json)}");
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new NasConfigurationException(e.Message);
        }

        return Task.FromResult(0);
    }

    private static List<double>? Thresholds(PluginCommandInvocation command)
    {
        if (command.Value("thresholds") is not { } text)
            return null;
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || v <= 0)
                throw new NasConfigurationException($"--thresholds: '{part}' is not a positive number; give shares of a tile's routing capacity such as 0.05,0.15,0.3.");
            values.Add(v);
        }

        return values.Count > 0 ? values : throw new NasConfigurationException("--thresholds: give at least one share, such as 0.15.");
    }
}
