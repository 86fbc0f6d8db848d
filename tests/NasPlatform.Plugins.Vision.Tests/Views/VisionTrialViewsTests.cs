using NasPlatform.Abstractions.Options;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Views;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using NasPlatform.Plugins.Vision.Views;

namespace NasPlatform.Plugins.Vision.Tests.Views;

/// <summary>
/// The plugin's domain views: a real evaluation on an image folder of Fashion-MNIST images (three classes, 60
/// training and 60 validation images) writes the validation confusion matrix, and the views draw it with the
/// network's block table.
/// </summary>
public sealed class VisionTrialViewsTests : IDisposable
{
    private static readonly VisionCandidate Small = new(null, 8,
        [new StageGenes(1, 8, 1, 1, 3, false, Activation.Relu), new StageGenes(2, 16, 2, 4, 5, true, Activation.HardSwish), new StageGenes(0, 24, 2, 6, 3, false, Activation.Relu)],
        0, TrainingRecipe.Default with { Epochs = 2, BatchSize = 16 });

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("vision-views-");

    public VisionTrialViewsTests() => TorchFixture.Ensure();

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task An_evaluation_writes_the_validation_confusion_matrix_whose_trace_is_its_accuracy()
    {
        WriteImageFolders();
        var evaluator = VisionEvaluator.Create(ComponentOptions.Bind<TrainEvaluatorOptions>("""
            { "dataset": "image-folder", "trainFolder": "train", "testFolder": "test", "validationSize": 60, "fidelities": [ { "c": 1, "r": 1, "s": 1, "e": 1 } ] }
            """), new ComponentContext(_folder.FullName, AppContext.BaseDirectory, 0) { Cache = TestCache.Shared });
        var work = Directory.CreateDirectory(Path.Combine(_folder.FullName, "trial-0")).FullName;
        var candidate = Small.ToCandidate();

        var result = await evaluator.EvaluateAsync(new EvaluationRequest(candidate, evaluator.Fidelities[0], 1, work), new Progress<EvaluationProgress>(), CancellationToken.None);

        var artifact = Assert.Single(result.Artifacts);
        Assert.Equal(VisionEvaluator.ConfusionArtifact, artifact.Name);
        var json = JObject.Parse(File.ReadAllText(artifact.Path));
        Assert.Equal(["0-tshirt", "1-trouser", "9-boot"], json["classes"]!.Values<string>());
        var counts = json["counts"]!.ToObject<long[][]>()!;
        Assert.Equal(60, counts.Sum(row => row.Sum()));
        // Validation images are the last 60 of the shuffled folder: every class appears.
        Assert.All(counts, row => Assert.True(row.Length == 3 && row.Sum() > 0, string.Join(", ", row)));
        Assert.Equal(result.Metrics["accuracy"], (counts[0][0] + counts[1][1] + counts[2][2]) / 60.0);
        Assert.Equal("validation", (string?)json["split"]);

        var views = Render(candidate, result.Metrics, result.Artifacts);

        Assert.Equal(["Network", "Training recipe", "Confusion matrix (validation)"], views.Select(v => v.Title));
        Assert.Equal([TrialView.Html, TrialView.Html, TrialView.Svg], views.Select(v => v.MediaType));
        var svg = Encoding.UTF8.GetString(views[2].Content);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        var document = XDocument.Parse(svg);
        Assert.Equal(9, document.Descendants(XName.Get("rect", "http://www.w3.org/2000/svg")).Count());
        var matrix = ConfusionMatrix.FromJson(json);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($">{(100 * matrix.Recall(i)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}%<", svg);
        }

        Assert.Contains($"60 validation images, accuracy {(100 * result.Metrics["accuracy"]).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}%", views[2].Caption);
        Assert.Contains("3 classes", views[0].Caption);
        Assert.DoesNotContain("assumed", views[0].Caption);
    }

    [Fact]
    public void The_block_table_lists_the_stem_every_block_by_stage_and_the_free_statistics()
    {
        var network = Small.Network(1, 28, 10);
        var (parameters, macs) = NetworkStatistics.Count(network);

        var views = Render(Small.ToCandidate(), new Dictionary<string, double>(), []);

        var html = Encoding.UTF8.GetString(views[0].Content);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        XElement.Parse(html);
        var rows = Regex.Matches(html, "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>")
            .Select(m => string.Join("|", m.Groups.Values.Skip(1).Select(g => g.Value))).ToList();
        Assert.Equal("stem|conv + BN|3x3|–|8|1|–|relu|–", rows[0]);
        Assert.Equal("stage 1 block 1|MBConv|3x3|1|8|1|no|relu|identity", rows[1]);
        Assert.Equal("stage 2 block 1|MBConv|5x5|4|16|2|yes|hswish|none", rows[2]);
        Assert.Equal("stage 2 block 2|MBConv|5x5|4|16|1|yes|hswish|identity", rows[3]);
        Assert.Equal(3, rows.Count(r => r.Contains("|MBConv|", StringComparison.Ordinal)));
        Assert.StartsWith("classifier|linear|", rows[^1]);
        Assert.Contains($"<th class=\"n\">{parameters:N0}</th><th class=\"n\">{macs:N0}</th>", html);
        Assert.Contains("(assumed)", views[0].Caption);
        var recipe = Encoding.UTF8.GetString(views[1].Content);
        Assert.Contains("<td>optimizer</td><td class=\"n\">adamw</td>", recipe);
        Assert.Contains("<td>epochs</td><td class=\"n\">2</td>", recipe);
        Assert.Equal(TrialView.Text, views[2].MediaType);
        Assert.Contains("no confusion matrix", Encoding.UTF8.GetString(views[2].Content));
    }

    [Fact]
    public void A_baseline_is_tabled_layer_by_layer_with_its_known_parameter_count()
    {
        var lenet = new VisionCandidate(Baselines.LeNet5, 0, [], 0, TrainingRecipe.Default);

        var views = Render(lenet.ToCandidate(), new Dictionary<string, double>(), []);

        var html = Encoding.UTF8.GetString(views[0].Content);
        XElement.Parse(html);
        Assert.Contains("<th class=\"n\">61,706</th>", html);
        Assert.Contains("average pool", html);
        Assert.Contains("baseline lenet5: 61,706 parameters", views[0].Caption);
        Assert.Equal(Baselines.Layers(Baselines.LeNet5, 10).Count + 2, Regex.Count(html, "<tr>"));
    }

    [Fact]
    public void A_candidate_of_another_plugin_is_a_note_not_an_error()
    {
        var views = Render(Candidate.From(JObject.Parse("""{ "digits": [1, 2] }""")), new Dictionary<string, double>(), []);

        var view = Assert.Single(views);
        Assert.Equal(TrialView.Text, view.MediaType);
        Assert.Contains("Not a network of this plugin", Encoding.UTF8.GetString(view.Content));
    }

    [Fact]
    public void Many_classes_shrink_the_cells_and_still_give_valid_svg()
    {
        var matrix = new ConfusionMatrix([.. Enumerable.Range(0, 40).Select(i => $"class <{i}> & co")]);
        for (var i = 0; i < 40; i++)
        {
            matrix.Add(i, i);
            matrix.Add(i, (i + 1) % 40);
        }

        var svg = ConfusionHeatmap.Svg(matrix);

        XDocument.Parse(svg);
        Assert.Contains("class &lt;3&gt; &amp; co", svg);
        Assert.Equal(40, Regex.Count(svg, ">50.0%<"));
        Assert.Equal(0.5, matrix.Accuracy);
    }

    private TrialViewRequest Request(Candidate candidate, IReadOnlyDictionary<string, double> metrics, IReadOnlyList<Artifact> artifacts) =>
        new(candidate, "c1-r1-s1-e1", metrics, artifacts, VisionEvaluator.Name, new JObject(), _folder.FullName);

    private IReadOnlyList<TrialView> Render(Candidate candidate, IReadOnlyDictionary<string, double> metrics, IReadOnlyList<Artifact> artifacts) =>
        new VisionTrialViews().Render(Request(candidate, metrics, artifacts), CancellationToken.None);

    private void WriteImageFolders()
    {
        var data = FashionMnist.Load();
        WriteSplit(data.Train, Path.Combine(_folder.FullName, "train"), 40);
        WriteSplit(data.Test, Path.Combine(_folder.FullName, "test"), 5);
    }

    private static void WriteSplit(LabeledImages images, string root, int perClass)
    {
        string[] classes = ["0-tshirt", "1-trouser", "9-boot"];
        int[] labels = [0, 1, 9];
        for (var c = 0; c < classes.Length; c++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, classes[c])).FullName;
            foreach (var (index, n) in images.IndicesOf(labels[c]).Take(perClass).Select((index, n) => (index, n)))
            {
                File.WriteAllBytes(Path.Combine(folder, $"{n:000}.pgm"), [.. Encoding.ASCII.GetBytes("P5 28 28 255\n"), .. images.Image(index)]);
            }
        }
    }
}
