using Microsoft.AspNetCore.Http;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// Server-sent events: for one experiment, an event carrying the store's version whenever it
/// changes (checked every poll interval with a read-only snapshot), so the page refreshes its
/// table and charts without a reload; for the whole dashboard, one whenever the list of experiments changes.
/// </summary>
public static class ChangeEvents
{
    /// <summary>Streams until the page goes away or the server stops.</summary>
    public static Task StreamAsync(ExperimentCatalog catalog, string key, HttpContext context, TimeSpan poll, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        if (catalog.Snapshot(key) is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return StreamAsync("version", () => catalog.Snapshot(key) is { } snapshot ? SnapshotJson.Version(snapshot) : "gone", context, poll, stopping);
    }

    /// <summary>
    /// Streams an event "catalog" whenever the list of experiments changes: a store appears in a watched folder, a run
    /// adds an experiment, an experiment changes status. The page then re-reads the list (and picks the first
    /// experiment when it had none).
    /// </summary>
    public static Task StreamCatalogAsync(ExperimentCatalog catalog, HttpContext context, TimeSpan poll, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        return StreamAsync("catalog", () => CatalogVersion(catalog.List()), context, poll, stopping);
    }

    // Never empty: an event with empty data is not delivered to the page.
    private static string CatalogVersion(IReadOnlyList<(string Key, Reporting.Data.ExperimentSource Source, Engine.Storage.ExperimentRecord Record)> experiments) =>
        $"{experiments.Count};" + string.Join(",", experiments.Select(e => $"{e.Key}:{e.Record.Status}"));

    private static async Task StreamAsync(string name, Func<string> versionOf, HttpContext context, TimeSpan poll, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        string? sent = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var version = versionOf();
                if (version != sent)
                {
                    await context.Response.WriteAsync($"event: {name}\ndata: {version}\n\n", token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                    sent = version;
                }

                await Task.Delay(poll, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or the server stops: the stream simply ends.
        }
    }
}
