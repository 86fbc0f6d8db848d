using System.Net;
using System.Text;
using NasPlatform.Abstractions.Views;

namespace NasPlatform.Reporting.Html;

/// <summary>One domain view as an HTML figure: images inlined as data URIs (an SVG as an image, so it cannot run script), fragments as given, text preformatted.</summary>
public static class TrialViewHtml
{
    /// <summary>The view's figure.</summary>
    public static string Render(TrialView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = view.MediaType switch
        {
            TrialView.Png or TrialView.Svg => $"<img alt=\"{E(view.Title)}\" src=\"data:{view.MediaType};base64,{Convert.ToBase64String(view.Content)}\">",
            TrialView.Html => Encoding.UTF8.GetString(view.Content),
            TrialView.Text => $"<pre>{E(Encoding.UTF8.GetString(view.Content))}</pre>",
            _ => $"<p class=\"note\">A view of unknown media type '{E(view.MediaType)}' ({view.Content.Length} bytes).</p>",
        };
        var caption = string.IsNullOrWhiteSpace(view.Caption) ? string.Empty : $"<figcaption>{E(view.Caption)}</figcaption>";
        return $"<figure class=\"view\"><div><strong>{E(view.Title)}</strong></div>{body}{caption}</figure>\n";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
