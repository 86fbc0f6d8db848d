using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Views;

/// <summary>
/// The vision plugin's domain views of a trial (found by the host in this assembly): the network's block
/// table with parameters and MACs, its training recipe, and the confusion matrix of its evaluation split
/// with per-class recall (from the trial's <c>confusion.json</c> artifact, when it is still there).
/// </summary>
public sealed class VisionTrialViews : ITrialViews
{
    /// <inheritdoc />
    public IReadOnlyList<TrialView> Render(TrialViewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        VisionCandidate candidate;
        try
        {
            candidate = VisionCandidate.Parse(request.Candidate);
        }
        catch (ArgumentException e)
        {
            return [TrialView.FromText("Network", TrialView.Text, $"Not a network of this plugin: {e.Message}")];
        }

        var (confusion, split, problem) = ReadConfusion(request);
        // The artifact records the data's input shape; without it the table assumes Fashion-MNIST's.
        var channels = confusion.Json?["input"]?["channels"]?.Value<int>() ?? 1;
        var resolution = confusion.Json?["input"]?["resolution"]?.Value<int>() ?? 28;
        var classes = confusion.Matrix?.Classes ?? 10;
        var network = candidate.Network(channels, resolution, classes);
        var (parameters, macs) = NetworkStatistics.Count(network);
        var name = candidate.Baseline is { } baseline ? $"baseline {baseline}" : $"{candidate.Stages.Sum(s => s.Depth)} MBConv blocks";
        var assumed = confusion.Json is null ? " (assumed)" : string.Empty;
        var views = new List<TrialView>
        {
            TrialView.FromText("Network", TrialView.Html, BlockTable.Html(candidate, network), Invariant(
                $"{name}: {parameters:N0} parameters, {macs:N0} MACs per image at full size, {channels}x{resolution}x{resolution} input and {classes} classes{assumed}; the trial trained at fidelity {request.Fidelity}.")),
            TrialView.FromText("Training recipe", TrialView.Html, BlockTable.RecipeHtml(candidate.Recipe), "at full fidelity; a fidelity's e scales the epochs"),
        };
        if (confusion.Matrix is { } matrix)
        {
            var worst = Enumerable.Range(0, matrix.Classes).Where(i => matrix.Support(i) > 0).OrderBy(matrix.Recall).FirstOrDefault();
            views.Add(TrialView.FromText($"Confusion matrix ({split})", TrialView.Svg, ConfusionHeatmap.Svg(matrix), Invariant(
                $"{matrix.Total:N0} {split} images, accuracy {ConfusionHeatmap.Percent(matrix.Accuracy, 2)}; lowest recall {matrix.ClassNames[worst]} ({ConfusionHeatmap.Percent(matrix.Recall(worst), 1)}). Rows: true class, columns: predicted.")));
        }
        else
        {
            views.Add(TrialView.FromText("Confusion matrix", TrialView.Text, problem));
        }

        return views;
    }

    private static ((JObject? Json, ConfusionMatrix? Matrix) Confusion, string Split, string Problem) ReadConfusion(TrialViewRequest request)
    {
        var artifact = request.Artifacts.FirstOrDefault(a => a.Name == VisionEvaluator.ConfusionArtifact);
        if (artifact is null)
        {
            return ((null, null), string.Empty, "This trial recorded no confusion matrix (it ran before the evaluator wrote confusion.json, or failed).");
        }

        if (!File.Exists(artifact.Path))
        {
            return ((null, null), string.Empty, $"The confusion matrix {artifact.Path} has been deleted.");
        }

        try
        {
            var json = JObject.Parse(File.ReadAllText(artifact.Path));
            return ((json, ConfusionMatrix.FromJson(json)), json["split"]?.Value<string>() ?? "validation", string.Empty);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidDataException)
        {
            return ((null, null), string.Empty, $"{artifact.Path} is not a confusion matrix: {e.Message}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
