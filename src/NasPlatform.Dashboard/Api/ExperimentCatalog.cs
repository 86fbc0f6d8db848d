using System.Diagnostics;
using NasPlatform.Abstractions;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// The experiments a dashboard shows, from its read-only sources, each under a key stable for the
/// dashboard's life ("&lt;source&gt;-&lt;experiment id&gt;"). Read again on every call: a running
/// store gains trials and experiments, and watched folders gain stores (<see cref="StoreDiscovery"/>;
/// a store found later gets the next source number, so earlier keys never change).
/// </summary>
public sealed class ExperimentCatalog : IDisposable
{
    // Listing the folders is cheap but not free; several page requests a second need not each do it.
    private static readonly TimeSpan RescanInterval = TimeSpan.FromMilliseconds(500);

    private readonly List<ExperimentSource> _sources;
    private readonly StoreDiscovery _discovery;
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceScan = Stopwatch.StartNew();

    private ExperimentCatalog(List<ExperimentSource> sources, StoreDiscovery discovery)
    {
        _sources = sources;
        _discovery = discovery;
    }

    /// <summary>The watched folders (full paths).</summary>
    public IReadOnlyList<string> Folders => _discovery.Folders;

    /// <summary>Stores that experiment files name and no run has created yet.</summary>
    public IReadOnlyList<string> Waiting
    {
        get
        {
            lock (_gate)
            {
                return _discovery.Waiting;
            }
        }
    }

    /// <summary>Opens every source read-only: experiment files, stores and folders to watch.</summary>
    /// <exception cref="NasConfigurationException">No source, a path that does not exist, or a file that is not an experiment file or a store.</exception>
    public static ExperimentCatalog Open(IReadOnlyList<string> sources, string? experimentName)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new NasConfigurationException("The dashboard needs an experiment file (.json), a store (.db) or a folder to watch; none was given.");
        }

        var (discovery, opened) = StoreDiscovery.Plan(sources, experimentName);
        return new ExperimentCatalog([.. opened], discovery);
    }

    /// <summary>Every experiment with its key, in source order (stores found while the dashboard runs come last).</summary>
    public IReadOnlyList<(string Key, ExperimentSource Source, ExperimentRecord Record)> List()
    {
        lock (_gate)
        {
            Rescan();
            return _sources.SelectMany((source, i) => source.Experiments().Select(e => ($"{i}-{e.Id}", source, e))).ToList();
        }
    }

    /// <summary>A snapshot of the experiment under <paramref name="key"/>, or null when there is none.</summary>
    public ExperimentSnapshot? Snapshot(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('-');
        ExperimentSource source;
        lock (_gate)
        {
            if (parts.Length != 2 || !int.TryParse(parts[0], out var index) || index < 0 || index >= _sources.Count)
            {
                return null;
            }

            source = _sources[index];
        }

        if (!long.TryParse(parts[1], out var id) || source.Experiments().All(e => e.Id != id))
        {
            return null;
        }

        return source.Snapshot(id);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var source in _sources)
            {
                source.Dispose();
            }
        }
    }

    private void Rescan()
    {
        if (_sinceScan.Elapsed < RescanInterval)
        {
            return;
        }

        _sinceScan.Restart();
        _sources.AddRange(_discovery.Discover());
    }
}
