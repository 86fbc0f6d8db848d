using System.Globalization;
using System.Net;
using System.Text;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;

namespace NasPlatform.Plugins.Vision.Views;

/// <summary>
/// A network layer by layer as an HTML table (no scripts): for a searched network the stem, then every MBConv
/// block by stage with its kernel, expansion, output channels, stride, squeeze-excitation, activation and
/// shortcut, then the head and classifier; a baseline's layers in the same columns. Parameters and MACs per
/// row come from <see cref="NetworkStatistics"/>, so the totals are the space's free statistics.
/// </summary>
public static class BlockTable
{
    private static readonly string[] Columns = ["block", "layer", "kernel", "expansion", "out channels", "stride", "SE", "activation", "residual", "output", "params", "MACs"];

    public static string Html(VisionCandidate candidate, NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(network);
        var layers = NetworkStatistics.Layers(network);
        var labels = Labels(candidate, network);
        var html = new StringBuilder("<table><tr>");
        foreach (var column in Columns)
        {
            html.Append(column is "params" or "MACs" ? "<th class=\"n\">" : "<th>").Append(column).Append("</th>");
        }

        html.Append("</tr>");
        for (var i = 0; i < layers.Count; i++)
        {
            var row = layers[i];
            var cells = Describe(row, candidate.Recipe);
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(labels[i])).Append("</td>");
            foreach (var cell in cells)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("<td>").Append(Shape(row.Output)).Append("</td>")
                .Append("<td class=\"n\">").Append(Number(row.Parameters)).Append("</td>")
                .Append("<td class=\"n\">").Append(Number(row.Macs)).Append("</td></tr>");
        }

        html.Append("<tr><th colspan=\"10\">total</th><th class=\"n\">").Append(Number(layers.Sum(l => l.Parameters)))
            .Append("</th><th class=\"n\">").Append(Number(layers.Sum(l => l.Macs))).Append("</th></tr>");
        return html.Append("</table>").ToString();
    }

    /// <summary>The training recipe as a two-column HTML table.</summary>
    public static string RecipeHtml(TrainingRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var html = new StringBuilder("<table>");
        foreach (var (name, value) in VisionCandidate.RecipeJson(recipe).Properties().Select(p => (p.Name, p.Value)))
        {
            var text = value.Type is Newtonsoft.Json.Linq.JTokenType.Float ? ((double)value).ToString("G6", CultureInfo.InvariantCulture) : value.ToString();
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td class=\"n\">").Append(WebUtility.HtmlEncode(text)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>Row names: stem, stage i block j, head for a searched network; the layer's position for a baseline.</summary>
    private static List<string> Labels(VisionCandidate candidate, NetworkSpec network)
    {
        var labels = new List<string>(network.Layers.Count);
        if (candidate.Baseline is not null)
        {
            labels.AddRange(network.Layers.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture)));
            return labels;
        }

        var blocks = candidate.Stages.SelectMany((stage, s) => Enumerable.Range(1, stage.Depth).Select(b => $"stage {s + 1} block {b}")).ToList();
        var nextBlock = 0;
        foreach (var layer in network.Layers)
        {
            labels.Add(layer switch
            {
                MbConvLayer or FusedMbConvLayer => blocks[nextBlock++],
                ConvLayer when labels.Count == 0 => "stem",
                ConvLayer => "head",
                LinearLayer { Classifier: true } => "classifier",
                _ => string.Empty,
            });
        }

        return labels;
    }

    /// <summary>layer, kernel, expansion, out channels, stride, SE, activation, residual.</summary>
    private static string[] Describe(NetworkStatistics.LayerCount row, TrainingRecipe recipe)
    {
        const string None = "–";
        return row.Layer switch
        {
            ConvLayer c => ["conv" + (c.BatchNorm ? " + BN" : string.Empty), Kernel(c.Kernel), None, Count(c.Out), Count(c.Stride), None, Name(c.Activation), None],
            MbConvLayer b => ["MBConv", Kernel(b.Kernel), Count(b.Expansion), Count(b.Out), Count(b.Stride), b.SqueezeExcite ? "yes" : "no", Name(b.Activation),
                b.Stride == 1 && row.Input.Channels == b.Out ? "identity" : "none"],
            FusedMbConvLayer f => ["Fused-MBConv", Kernel(f.Kernel), Count(f.Expansion), Count(f.Out), Count(f.Stride), f.SqueezeExcite ? "yes" : "no", Name(f.Activation),
                f.Stride == 1 && row.Input.Channels == f.Out ? "identity" : "none"],
            ResidualBlockLayer r => ["basic block", Kernel(3), None, Count(r.Out), Count(r.Stride), "no", "relu",
                r.Stride == 1 && row.Input.Channels == r.Out ? "identity" : "1x1 projection"],
            PoolLayer p => [p.Max ? "max pool" : "average pool", Kernel(p.Kernel), None, None, Count(p.Stride), None, None, None],
            GlobalPoolLayer => ["global average pool", None, None, None, None, None, None, None],
            FlattenLayer => ["flatten", None, None, None, None, None, None, None],
            DropoutLayer => [$"dropout {recipe.Dropout.ToString("G3", CultureInfo.InvariantCulture)}", None, None, None, None, None, None, None],
            LinearLayer l => ["linear", None, None, Count(l.Out), None, None, Name(l.Activation), None],
            _ => [row.Layer.GetType().Name, None, None, None, None, None, None, None],
        };
    }

    private static string Name(Activation activation) => activation switch
    {
        Activation.None => "–",
        _ => VisionCandidate.ActivationName(activation),
    };

    private static string Kernel(int k) => string.Create(CultureInfo.InvariantCulture, $"{k}x{k}");

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Shape(NetworkStatistics.Shape s) =>
        s.Flat ? Count(s.Channels) : string.Create(CultureInfo.InvariantCulture, $"{s.Channels}x{s.Height}x{s.Width}");
}
