using NasPlatform.Abstractions;
using NasPlatform.Engine;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// The experiments a dashboard shows, from its read-only sources, each under a key stable for the
/// dashboard's life ("&lt;source&gt;-&lt;experiment id&gt;"). Read again on every call: a running
/// store gains trials and experiments.
/// </summary>
public sealed class ExperimentCatalog : IDisposable
{
    private readonly IReadOnlyList<ExperimentSource> _sources;

    private ExperimentCatalog(IReadOnlyList<ExperimentSource> sources)
    {
        _sources = sources;
    }

    /// <summary>Opens every source read-only.</summary>
    /// <exception cref="NasConfigurationException">A source is not an experiment file or a store.</exception>
    public static ExperimentCatalog Open(IReadOnlyList<string> sources, string? experimentName)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new NasConfigurationException("The dashboard needs an experiment file (.json) or a store (.db); none was given and the current folder has no .db file.");
        }

        var opened = new List<ExperimentSource>();
        try
        {
            foreach (var source in sources)
            {
                opened.Add(ExperimentSource.Open(source, experimentName));
            }

            return new ExperimentCatalog(opened);
        }
        catch
        {
            opened.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>Every experiment with its key, in source order.</summary>
    public IReadOnlyList<(string Key, ExperimentSource Source, ExperimentRecord Record)> List() =>
        _sources.SelectMany((source, i) => source.Experiments().Select(e => ($"{i}-{e.Id}", source, e))).ToList();

    /// <summary>A snapshot of the experiment under <paramref name="key"/>, or null when there is none.</summary>
    public ExperimentSnapshot? Snapshot(string key)
    {
        var parts = key.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var source) || !long.TryParse(parts[1], out var id)
            || source < 0 || source >= _sources.Count || _sources[source].Experiments().All(e => e.Id != id))
        {
            return null;
        }

        return _sources[source].Snapshot(id);
    }

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Dispose();
        }
    }
}
