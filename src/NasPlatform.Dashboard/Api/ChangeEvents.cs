using Microsoft.AspNetCore.Http;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// Server-sent events for one experiment: an event carrying the store's version whenever it
/// changes (checked every poll interval with a read-only snapshot), so the page refreshes its
/// table and charts without a reload.
/// </summary>
public static class ChangeEvents
{
    /// <summary>Streams until the page goes away or the server stops.</summary>
    public static async Task StreamAsync(ExperimentCatalog catalog, string key, HttpContext context, TimeSpan poll, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        if (catalog.Snapshot(key) is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        string? sent = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var version = catalog.Snapshot(key) is { } snapshot ? SnapshotJson.Version(snapshot) : "gone";
                if (version != sent)
                {
                    await context.Response.WriteAsync($"event: version\ndata: {version}\n\n", token).ConfigureAwait(false);
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
