namespace NasPlatform.Abstractions.Views;

/// <summary>One domain view of a trial: a figure, a table or a note.</summary>
/// <param name="Title">Shown above the view, e.g. "Best circuit".</param>
/// <param name="MediaType">
/// What <paramref name="Content"/> holds: <see cref="Png"/> (image bytes), <see cref="Svg"/> (an SVG
/// document, UTF-8), <see cref="Html"/> (an HTML fragment, UTF-8: tables, lists; no scripts, no
/// external resources, so reports stay self-contained) or <see cref="Text"/> (UTF-8, shown as is).
/// </param>
/// <param name="Content">The view's bytes.</param>
/// <param name="Caption">One line under the view; empty for none.</param>
public sealed record TrialView(string Title, string MediaType, byte[] Content, string Caption = "")
{
    /// <summary>A PNG image.</summary>
    public const string Png = "image/png";

    /// <summary>An SVG document.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>An HTML fragment (no scripts, no external resources).</summary>
    public const string Html = "text/html";

    /// <summary>Plain text.</summary>
    public const string Text = "text/plain";

    /// <summary>A view whose content is UTF-8 text (SVG, HTML or plain text).</summary>
    public static TrialView FromText(string title, string mediaType, string content, string caption = "") =>
        new(title, mediaType, System.Text.Encoding.UTF8.GetBytes(content), caption);
}
