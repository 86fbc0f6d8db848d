using System.Reflection;

namespace NasPlatform.Reporting.Interactive;

/// <summary>
/// The scripts of the interactive charts, embedded into this assembly at build time: Apache ECharts (pinned in
/// Web/package-lock.json, Apache-2.0, its licence and notice embedded beside it) and this project's own chart
/// code, which the report inlines and the dashboard serves. Nothing is fetched from the network at run time.
/// </summary>
public static class ChartLibrary
{
    /// <summary>Apache ECharts' minified browser build.</summary>
    public static string ECharts => Text("echarts.min.js");

    /// <summary>ECharts' licence (Apache-2.0).</summary>
    public static string EChartsLicence => Text("echarts-LICENSE.txt");

    /// <summary>ECharts' NOTICE file, which the Apache licence asks redistributors to ship.</summary>
    public static string EChartsNotice => Text("echarts-NOTICE.txt");

    /// <summary>
    /// The platform's chart and analysis views (nas-charts.js, then the views that register with it from their own
    /// files: nas-predictor.js), drawn with ECharts from the analysis JSON.
    /// </summary>
    public static string Charts => Text("nas-charts.js") + "\n" + Text("nas-predictor.js");

    /// <summary>An embedded script or text by its file name.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without it.</exception>
    public static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"NasPlatform.Reporting.Web.{name}")
            ?? throw new InvalidOperationException($"NasPlatform.Reporting lacks its embedded resource '{name}' (was it built with Web/node_modules installed?).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
