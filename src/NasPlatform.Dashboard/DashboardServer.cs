using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using NasPlatform.Dashboard.Api;

namespace NasPlatform.Dashboard;

/// <summary>
/// The read-only web dashboard over one or more stores: the page (embedded HTML, CSS, JavaScript)
/// and a JSON API it reads, with server-sent events that tell an open page when the store changed.
/// Only GET requests; the stores are opened read-only, so a run writing them is never blocked.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ExperimentCatalog _catalog;

    private DashboardServer(WebApplication app, ExperimentCatalog catalog, Uri address)
    {
        _app = app;
        _catalog = catalog;
        Address = address;
    }

    /// <summary>Where the dashboard listens, e.g. http://127.0.0.1:8050/.</summary>
    public Uri Address { get; }

    /// <summary>Opens the sources and starts listening.</summary>
    /// <exception cref="Abstractions.NasConfigurationException">A bad source, or a non-loopback host without <see cref="DashboardOptions.AllowRemote"/>.</exception>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = HostGuard.Check(options.Host, options.AllowRemote);
        var catalog = ExperimentCatalog.Open(options.Sources, options.ExperimentName);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://{host}:{options.Port}");
            builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
            var app = builder.Build();
            var views = new TrialViewsService(options.PluginDirectories);
            var choices = new CandidateChoicesService(() => views.Plugins);
            Map(app, catalog, new ChartCache(), views, choices, options.PollInterval);
            MapAnalysis(app, catalog, new AnalysisCache(choices, () => views.Plugins));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new DashboardServer(app, catalog, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal) + "/"));
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the server stops (Ctrl+C in the host, or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _catalog.Dispose();
    }

    private static void Map(WebApplication app, ExperimentCatalog catalog, ChartCache charts, TrialViewsService views, CandidateChoicesService choices, TimeSpan poll)
    {
        app.MapGet("/", () => Embedded("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => Embedded("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => Embedded("app.css", "text/css; charset=utf-8"));

        app.MapGet("/api/experiments", () =>
            Json(new JArray(catalog.List().Select(e => catalog.Snapshot(e.Key) is { } s ? SnapshotJson.Summary(e.Key, s) : null).OfType<JObject>())));

        app.MapGet("/api/experiments/{key}/trials", (string key) =>
            catalog.Snapshot(key) is { } s ? Json(SnapshotJson.Trials(s, choices.Of(s))) : NotFound(key));

        app.MapGet("/api/experiments/{key}/trials/{number:int}", (string key, int number) =>
            catalog.Snapshot(key)?.Trials.FirstOrDefault(t => t.Number == number) is { } t ? Json(SnapshotJson.Trial(t)) : NotFound($"{key} trial {number}"));

        app.MapGet("/api/experiments/{key}/trials/{number:int}/views", (string key, int number, CancellationToken ct) =>
            catalog.Snapshot(key) is { } s ? Results.Text(views.Html(s, number, ct), "text/html; charset=utf-8") : NotFound(key));

        app.MapGet("/api/experiments/{key}/charts", (string key) =>
            catalog.Snapshot(key) is { } s
                ? Json(new JObject
                {
                    ["version"] = SnapshotJson.Version(s),
                    ["charts"] = new JArray(charts.Charts(key, s).Select(c => new JObject { ["id"] = c.Id, ["title"] = c.Title, ["caption"] = c.Caption })),
                })
                : NotFound(key));

        app.MapGet("/api/experiments/{key}/charts/{id}.png", (string key, string id) =>
            catalog.Snapshot(key) is { } s && charts.Charts(key, s).FirstOrDefault(c => c.Id == id) is { } chart
                ? Results.Bytes(chart.Png, "image/png")
                : NotFound($"{key} chart {id}"));

        app.MapGet("/api/events", (HttpContext context, IHostApplicationLifetime lifetime) =>
            ChangeEvents.StreamCatalogAsync(catalog, context, poll, lifetime.ApplicationStopping));

        app.MapGet("/api/sources", () =>
            Json(new JObject { ["folders"] = new JArray(catalog.Folders), ["waiting"] = new JArray(catalog.Waiting) }));

        app.MapGet("/api/experiments/{key}/events", (string key, HttpContext context, IHostApplicationLifetime lifetime) =>
            ChangeEvents.StreamAsync(catalog, key, context, poll, lifetime.ApplicationStopping));
    }

    // The interactive charts: the library and the platform's chart code from NasPlatform.Reporting's resources, and each experiment's analysis JSON.
    private static void MapAnalysis(WebApplication app, ExperimentCatalog catalog, AnalysisCache analysis)
    {
        app.MapGet("/vendor/echarts.min.js", () => Results.Text(Reporting.Interactive.ChartLibrary.ECharts, "text/javascript; charset=utf-8"));
        app.MapGet("/vendor/echarts-LICENSE.txt", () => Results.Text(Reporting.Interactive.ChartLibrary.EChartsLicence + "\n" + Reporting.Interactive.ChartLibrary.EChartsNotice, "text/plain; charset=utf-8"));
        app.MapGet("/nas-charts.js", () => Results.Text(Reporting.Interactive.ChartLibrary.Charts, "text/javascript; charset=utf-8"));
        app.MapGet("/nas-curves.js", () => Results.Text(Reporting.Interactive.ChartLibrary.Text("nas-curves.js"), "text/javascript; charset=utf-8"));
        app.MapGet("/nas-lineage.js", () => Results.Text(Reporting.Interactive.ChartLibrary.Text("nas-lineage.js"), "text/javascript; charset=utf-8"));
        foreach (var script in new[] { "routes.js", "views.js", "compare.js", "watch.js" })
        {
            app.MapGet("/" + script, () => Embedded(script, "text/javascript; charset=utf-8"));
        }

        app.MapGet("/api/experiments/{key}/analysis", (string key) =>
            catalog.Snapshot(key) is { } s ? Json(analysis.Of(key, s)) : NotFound(key));
    }

    private static IResult Embedded(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"NasPlatform.Dashboard.Web.{name}")
            ?? throw new InvalidOperationException($"The dashboard assembly lacks its page resource '{name}'.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }

    private static IResult Json(JToken json) => Results.Text(json.ToString(Newtonsoft.Json.Formatting.None), "application/json; charset=utf-8");

    private static IResult NotFound(string what) => Results.NotFound(new { error = $"not found: {what}" });
}
