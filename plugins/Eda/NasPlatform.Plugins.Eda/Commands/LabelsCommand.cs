using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Eda.Dataset;
using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Commands;

/// <summary>
/// `nas eda labels DIR`: how a dataset's labels spread, per routing condition (layers x blockage x density) and per
/// design: first-pass failed-net ratio, final failed nets and hotspot fraction, as quantiles and histograms (text,
/// and JSON with --json). A condition whose samples all sit in one bin, or hotspot maps that mark most tiles, carry
/// little for Kendall tau or ROC-AUC. --relabel first upgrades samples of an older hotspot label without routing again.
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
            new("relabel", null, "First recompute the hotspot labels of samples made under an older label version, from the kept placement and qrouter's first-pass failed nets (no routing)."),
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
                command.Error.WriteLine($"relabelled {relabelled} samples to hotspot label version {SampleLabels.CurrentHotspotVersion}" + (problems.Count > 0 ? $"; {problems.Count} could not be:" : ""));
                foreach (var problem in problems.Take(10))
                    command.Error.WriteLine("  " + problem);
            }

            var report = LabelReport.Build(Path.GetFullPath(directory), SampleFiles.ReadRecords(directory));
            var json = command.Value("json");
            if (json == "-")
            {
                command.Output.WriteLine(JsonConvert.SerializeObject(report, Formatting.Indented));
                return Task.FromResult(0);
            }

            command.Output.Write(report.ToText());
            if (json is not null)
            {
                File.WriteAllText(json, JsonConvert.SerializeObject(report, Formatting.Indented));
                command.Error.WriteLine($"wrote {Path.GetFullPath(json)}");
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new NasConfigurationException(e.Message);
        }

        return Task.FromResult(0);
    }
}
