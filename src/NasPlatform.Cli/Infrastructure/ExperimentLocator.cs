using NasPlatform.Abstractions;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>An experiment found in its store, with the spec it was started with.</summary>
/// <param name="Store">The store, open.</param>
/// <param name="Record">The experiment's record.</param>
/// <param name="Spec">The spec the store holds (what the experiment was started with, amendments applied).</param>
/// <param name="Given">The experiment file's own spec when the argument named a file (it may differ from the stored one); null for a store.</param>
internal sealed record LocatedExperiment(SqliteTrialStore Store, ExperimentRecord Record, ExperimentSpec Spec, ExperimentSpec? Given = null) : IDisposable
{
    public void Dispose() => Store.Dispose();
}

/// <summary>
/// Finds the experiment an `EXP` argument names: an experiment file (its store and name), or a
/// store file (its only experiment, or the one --experiment names).
/// </summary>
internal static class ExperimentLocator
{
    public static LocatedExperiment Locate(string argument, string? experimentName)
    {
        var path = Path.GetFullPath(argument);
        if (Directory.Exists(path))
        {
            throw new NasConfigurationException($"{argument} is a folder; name an experiment file (.json) or its store (.db).");
        }

        string storePath;
        string? name = experimentName;
        ExperimentSpec? given = null;
        if (IsExperimentFile(path))
        {
            given = ExperimentFile.Load(path);
            storePath = given.StorePath;
            name ??= given.Name;
        }
        else
        {
            storePath = path;
        }

        var store = SqliteTrialStore.OpenExisting(storePath);
        try
        {
            var record = Find(store, name);
            var spec = ExperimentFile.FromDocument(record.SpecDocument, record.BaseDirectory, $"{store.Location} (experiment '{record.Name}')")
                with { StorePath = store.Location };
            return new LocatedExperiment(store, record, spec, given is not null && given.Name == record.Name ? given : null);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static bool IsExperimentFile(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static ExperimentRecord Find(SqliteTrialStore store, string? name)
    {
        if (name is not null)
        {
            return store.FindExperiment(name) ?? throw new NasConfigurationException(
                $"Store '{store.Location}' has no experiment named '{name}' ({Names(store)}). Start it with `nas run FILE`.");
        }

        var all = store.ListExperiments();
        return all.Count switch
        {
            1 => all[0],
            0 => throw new NasConfigurationException($"Store '{store.Location}' holds no experiment yet. Start one with `nas run FILE`."),
            _ => throw new NasConfigurationException($"Store '{store.Location}' holds several experiments ({Names(store)}); choose one with --experiment NAME."),
        };
    }

    private static string Names(SqliteTrialStore store)
    {
        var names = store.ListExperiments().Select(e => $"'{e.Name}'").ToList();
        return names.Count == 0 ? "it holds none" : "it holds " + string.Join(", ", names);
    }
}
