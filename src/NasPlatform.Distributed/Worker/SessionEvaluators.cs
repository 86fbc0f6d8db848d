using NasPlatform.Abstractions;
using System.Collections.Concurrent;
using NasPlatform.Distributed.Contracts;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Distributed.Worker;

/// <summary>
/// Builds each session's evaluator once, from the stored experiment document and this worker's
/// own plugins; refuses a session whose plugin this worker lacks or has at another version.
/// </summary>
internal sealed class SessionEvaluators(PluginCatalog plugins, string workerId, Action<string> log, Func<string, IReadOnlyList<string>, TextWriter, CancellationToken, Task<int>>? runPluginCommand = null)
{
    private readonly ConcurrentDictionary<string, SessionEvaluator> _built = new(StringComparer.Ordinal);

    public SessionEvaluator Get(string sessionId, SessionSetup setup) =>
        _built.GetOrAdd(sessionId, _ => Build(setup));

    public void Forget(IReadOnlyCollection<string> openSessions)
    {
        foreach (var closed in _built.Keys.Where(k => !openSessions.Contains(k)).ToList())
        {
            _built.TryRemove(closed, out _);
        }
    }

    private SessionEvaluator Build(SessionSetup setup)
    {
        var refusal = PluginMismatch(plugins, setup.Plugin, workerId);
        if (refusal is not null)
        {
            log(refusal);
            return new SessionEvaluator(setup, null, refusal);
        }

        if (setup.RunsCommandLines)
        {
            return runPluginCommand is null
                ? new SessionEvaluator(setup, null, $"Worker {workerId} does not run plugin command lines; start it with `nas worker`.")
                : new SessionEvaluator(setup, new PluginCommandEvaluator(runPluginCommand, setup.Plugin.Id), null);
        }

        try
        {
            var spec = ExperimentFile.FromDocument(setup.SpecDocument, setup.BaseDirectory, $"experiment '{setup.Experiment}' (sent by its coordinator)");
            return new SessionEvaluator(setup, ComponentResolver.CreateEvaluator(spec, plugins), null);
        }
        catch (NasConfigurationException e)
        {
            var message = $"Worker {workerId} cannot build the evaluator of experiment '{setup.Experiment}': {e.Message}";
            log(message);
            return new SessionEvaluator(setup, null, message);
        }
    }

    /// <summary>Why <paramref name="plugins"/> cannot serve <paramref name="wanted"/>; null when it has that plugin at that version.</summary>
    internal static string? PluginMismatch(PluginCatalog plugins, PluginIdentity wanted, string workerId)
    {
        var have = plugins.Find(wanted.Id);
        if (have is null)
        {
            return $"Worker {workerId} has no plugin '{wanted.Id}' (it loaded: {string.Join(", ", plugins.Plugins.Select(p => $"{p.Description.Id} {p.Description.Version}").DefaultIfEmpty("none"))}); " +
                   $"install plugin '{wanted.Id}' version {wanted.Version} on it (or pass its folder with --plugins DIR).";
        }

        return have.Description.Version == wanted.Version
            ? null
            : $"Worker {workerId} has plugin '{wanted.Id}' version {have.Description.Version}, the coordinator version {wanted.Version}; install the same build of the plugin on every machine.";
    }
}
