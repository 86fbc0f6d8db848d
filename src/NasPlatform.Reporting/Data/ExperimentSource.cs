using NasPlatform.Abstractions;
using NasPlatform.Workflows.Fidelities;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Reporting.Data;

/// <summary>
/// A store opened read-only (so a run writing it is never blocked), with the experiments an
/// `EXP` argument names: an experiment file names its store and its experiment; a store names
/// all its experiments (proxy checks aside: they feed their experiment's proxy chart), or the one
/// <c>--experiment</c> gives.
/// </summary>
public sealed class ExperimentSource : IDisposable
{
    private readonly string? _experimentName;

    private ExperimentSource(SqliteTrialStore store, string? experimentName, string argument)
    {
        Store = store;
        _experimentName = experimentName;
        Argument = argument;
    }

    /// <summary>The store, read-only.</summary>
    public SqliteTrialStore Store { get; }

    /// <summary>The argument the source was opened from.</summary>
    public string Argument { get; }

    /// <summary>Opens the store an experiment file (.json) or store file names.</summary>
    /// <exception cref="NasConfigurationException">The path is a folder, a bad experiment file, or not a store.</exception>
    public static ExperimentSource Open(string argument, string? experimentName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(argument);
        var path = Path.GetFullPath(argument);
        if (Directory.Exists(path))
        {
            throw new NasConfigurationException($"{argument} is a folder; name an experiment file (.json) or its store (.db).");
        }

        var storePath = path;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var spec = ExperimentFile.Load(path);
            storePath = spec.StorePath;
            experimentName ??= spec.Name;
        }

        var store = SqliteTrialStore.OpenReadOnly(storePath);
        if (experimentName is not null && store.FindExperiment(experimentName) is null)
        {
            var names = string.Join(", ", store.ListExperiments().Select(e => $"'{e.Name}'"));
            store.Dispose();
            throw new NasConfigurationException(
                $"Store '{storePath}' has no experiment named '{experimentName}' ({(names.Length == 0 ? "it holds none" : "it holds " + names)}). Start it with `nas run FILE`.");
        }

        return new ExperimentSource(store, experimentName, argument);
    }

    /// <summary>
    /// Opens a store that a dashboard watches: unlike <see cref="Open"/>, the experiment <paramref name="experimentName"/>
    /// need not exist yet (a run about to start adds it); until it does, the source names no experiment.
    /// </summary>
    /// <exception cref="NasConfigurationException">The file is missing or not a store.</exception>
    public static ExperimentSource OpenWatched(string storePath, string? experimentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        return new ExperimentSource(SqliteTrialStore.OpenReadOnly(storePath), experimentName, storePath);
    }

    /// <summary>The experiments this source names, oldest first (read now: a running store gains experiments).</summary>
    public IReadOnlyList<ExperimentRecord> Experiments()
    {
        var all = Store.ListExperiments();
        if (_experimentName is not null)
        {
            return all.Where(e => e.Name == _experimentName).ToList();
        }

        var searches = all.Where(e => !e.Name.EndsWith(ProxyCheck.NameSuffix, StringComparison.Ordinal)).ToList();
        return searches.Count > 0 ? searches : all;
    }

    /// <summary>A snapshot of experiment <paramref name="experimentId"/>.</summary>
    public ExperimentSnapshot Snapshot(long experimentId) => ExperimentSnapshot.Read(Store, Store.GetExperiment(experimentId));

    /// <summary>Snapshots of every experiment this source names.</summary>
    public IReadOnlyList<ExperimentSnapshot> Snapshots() => Experiments().Select(e => ExperimentSnapshot.Read(Store, e)).ToList();

    public void Dispose() => Store.Dispose();
}
