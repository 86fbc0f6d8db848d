using System.Text;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Views;
using NasPlatform.Eda.Dataset;
using NasPlatform.Plugins.Eda.Evaluation;
using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Plugins.Eda.Tests.Training;
using NasPlatform.Plugins.Eda.Views;

namespace NasPlatform.Plugins.Eda.Tests.Views;

/// <summary>A real (tiny) routability evaluation writes hotspots.json; the views draw its maps side by side.</summary>
public sealed class EdaTrialViewsTests : IDisposable
{
    private const int Grid = 8;
    private readonly string _root = SyntheticDataset.Write(Path.Combine(Path.GetTempPath(), "nas-eda-views-" + Guid.NewGuid().ToString("N")), designs: 4, perDesign: 6, grid: Grid);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("eda-views-");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _work.Delete(true);
    }

    private static RoutabilityNet Small => new(
        [new EncoderStage(8, 3, 1, 1, "max", "concat")], "nearest", 3, new TrainingRecipe(5e-3, 0, 4, 8, 1.0));

    private (EvaluationResult Result, TrialViewRequest Request) Evaluate()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var fidelity = RoutabilityEvaluatorOptions.Make("tiny", 1, 1);
        var evaluator = new RoutabilityEvaluator(new RoutabilityEvaluatorOptions(_root, [], ["syn2"], 1, 0, [fidelity]));
        var candidate = Small.ToCandidate();
        var result = evaluator.Evaluate(new EvaluationRequest(candidate, fidelity, 1, _work.FullName), null, CancellationToken.None);
        Assert.Equal(evaluator.Metrics.Order(StringComparer.Ordinal), result.Metrics.Keys.Order(StringComparer.Ordinal));
        return (result, new TrialViewRequest(candidate, fidelity.Name, result.Metrics, result.Artifacts, RoutabilityEvaluator.Name, null, _root));
    }

    [Fact]
    public void TheEvaluatorKeepsThreeTestPlacementsWithMapsOnTheGrid()
    {
        var (result, _) = Evaluate();

        var file = JObject.Parse(File.ReadAllText(result.Artifacts.Single(a => a.Name == HotspotsFile.ArtifactName).Path));
        Assert.Equal(Grid, file.Value<int>("grid"));
        Assert.Equal("rudy", file.Value<string>("channel"));
        var placements = (JArray)file["placements"]!;
        Assert.Equal(3, placements.Count);
        var records = SampleFiles.ReadRecords(_root).ToDictionary(r => r.Key);
        foreach (var p in placements)
        {
            var key = p.Value<string>("key")!;
            Assert.Equal("syn2", p.Value<string>("design"));
            Assert.Equal(records[key].Labels!.FirstPassRatio, p.Value<double>("trueRatio"), 12);
            Assert.InRange(p.Value<double>("predictedRatio"), 0, 1);
            foreach (var map in new[] { "feature", "label", "predicted" })
            {
                Assert.Equal(Grid, ((JArray)p[map]!).Count);
                Assert.All((JArray)p[map]!, row => Assert.Equal(Grid, ((JArray)row).Count));
            }

            var labels = p["label"]!.SelectMany(r => r.Select(t => (double)t)).ToArray();
            Assert.All(labels, v => Assert.True(v is 0 or 1, $"label {v}"));
            var stored = SampleFiles.ReadFloats(SampleFiles.HotspotPath(_root, key), Grid * Grid);
            Assert.Equal(stored.Select(v => (double)v), labels);
            Assert.All(p["predicted"]!.SelectMany(r => r.Values<double>()), v => Assert.InRange(v, 0, 1));
        }

        // Spread over the true ratio: the lowest and the highest of the test design's placements.
        var ratios = records.Values.Where(r => r.Design == "syn2").Select(r => r.Labels!.FirstPassRatio).ToList();
        Assert.Equal(ratios.Min(), placements[0].Value<double>("trueRatio"), 12);
        Assert.Equal(ratios.Max(), placements[2].Value<double>("trueRatio"), 12);
    }

    [Fact]
    public void EachPlacementIsDrawnAsThreePanelsWithACaption()
    {
        var (result, request) = Evaluate();

        var views = new EdaTrialViews().Render(request, CancellationToken.None);

        Assert.Equal(4, views.Count);
        Assert.Equal([TrialView.Svg, TrialView.Svg, TrialView.Svg, TrialView.Html], views.Select(v => v.MediaType));
        var (hotspots, _) = HotspotsFile.TryRead(result.Artifacts.Single(a => a.Name == HotspotsFile.ArtifactName).Path);
        for (var i = 0; i < 3; i++)
        {
            var placement = hotspots!.Placements[i];
            Assert.Equal("Held-out placement " + placement.Key, views[i].Title);
            Assert.Contains("predicted", views[i].Caption, StringComparison.Ordinal);
            var svg = XDocument.Parse(Encoding.UTF8.GetString(views[i].Content));
            XNamespace ns = "http://www.w3.org/2000/svg";
            var panels = svg.Root!.Elements(ns + "g").Where(g => (string?)g.Attribute("class") == "panel").ToList();
            Assert.Equal(3, panels.Count);
            // The label panel draws one filled tile per hot tile, plus its frame.
            Assert.Equal(placement.Label.Count(v => v > 0.5f), panels[1].Elements(ns + "rect").Count() - 1);
            Assert.Contains("true hotspots", panels[1].Element(ns + "text")!.Value, StringComparison.Ordinal);
        }

        Assert.Contains("<td>test_roc_auc</td>", Encoding.UTF8.GetString(views[3].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedArtifactIsNamedInPlaceOfTheMaps()
    {
        var path = Path.Combine(_work.FullName, HotspotsFile.FileName);
        File.WriteAllText(path, """{ "grid": 2, "channel": "rudy", "placements": [ { "key": "k", "feature": [[0, 1], [1, 0]], "label": [[0, 1]], "predicted": [[0, 1], [1, 0]] } ] }""");
        var request = new TrialViewRequest(Small.ToCandidate(), "tiny", new Dictionary<string, double>(), [new Artifact(HotspotsFile.ArtifactName, path)], RoutabilityEvaluator.Name, null, _work.FullName);

        var views = new EdaTrialViews().Render(request, CancellationToken.None);

        Assert.Equal(TrialView.Text, views[0].MediaType);
        Assert.Equal($"{path}, placements[0].label: expected 2 rows of 2 numbers.", Encoding.UTF8.GetString(views[0].Content));
    }
}
