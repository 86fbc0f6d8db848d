using NasPlatform.Search.Torch;
using NasPlatform.Engine.Strategies;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Dashboard.Tests;

/// <summary>
/// A real experiment (the example plugin through the engine) that a test paces: from its
/// <c>pauseAfter</c>-th finished trial on, the run waits after each finished trial until the test
/// lets it go on, so a page can watch the store grow one trial at a time while the run goes on.
/// </summary>
public sealed class PacedRun : IAsyncDisposable
{
    private const string Evolution = """{ "name": "regularized-evolution", "options": { "populationSize": 4, "sampleSize": 2 } }""";

    private readonly Gate _gate;
    private readonly CancellationTokenSource _stop = new();
    private readonly SqliteTrialStore _store;
    private readonly Task<RunSummary> _run;
    private readonly bool _ownsFolder;

    /// <param name="trials">The budget.</param>
    /// <param name="pauseAfter">From this finished trial on, the run waits for <see cref="Release"/> after each.</param>
    /// <param name="folder">Where the experiment file and its store go (the test keeps the folder); null for a new temporary one, deleted at the end.</param>
    /// <param name="name">The experiment's name, which is also its store's (NAME.db).</param>
    /// <param name="strategy">The strategy's JSON; null for a small regularized evolution.</param>
    public PacedRun(int trials, int pauseAfter, string? folder = null, string name = "paced", string? strategy = null)
    {
        _gate = new Gate(pauseAfter);
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("nas-dashboard-").FullName;
        var file = Path.Combine(Folder, name + ".json");
        File.WriteAllText(file, $$"""
            {
              "name": "{{name}}", "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 6 } },
              "evaluator": { "name": "target", "options": { "target": "314159" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": {{strategy ?? Evolution}},
              "budget": { "trials": {{trials}} }, "workers": 1, "seed": 7
            }
            """);
        var spec = ExperimentFile.Load(file);
        StorePath = spec.StorePath;
        var components = ComponentResolver.Resolve(spec, PluginCatalog.Load([RepoPaths.Plugins]), new StrategyCatalog(SearchComponents.Strategies));
        _store = SqliteTrialStore.Open(spec.StorePath);
        _run = Task.Run(() => new ExperimentRunner(spec, components, _store, _gate).RunAsync(_stop.Token));
    }

    public string Folder { get; }

    public string StorePath { get; }

    /// <summary>Trials finished so far (the run waits after each).</summary>
    public int Finished => _gate.Finished;

    /// <summary>Waits until <paramref name="count"/> trials have finished (the run then waits for <see cref="Release"/>).</summary>
    public async Task WaitForFinishedAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_gate.Finished < count)
        {
            if (_run.IsCompleted)
            {
                await _run; // Surfaces the run's exception, if any.
                throw new InvalidOperationException($"The run ended after {_gate.Finished} trials, before {count}.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_gate.Finished} of {count} trials finished within {timeout}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Lets the run go on after its latest finished trial.</summary>
    public void Release() => _gate.Release();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _gate.Open();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        _store.Dispose();
        _stop.Dispose();
        if (_ownsFolder)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private sealed class Gate(int pauseAfter) : IRunObserver
    {
        private readonly SemaphoreSlim _permits = new(0);
        private volatile bool _open;
        private int _finished;

        public int Finished => Volatile.Read(ref _finished);

        public void TrialFinished(TrialRecord trial, RunSummary summary)
        {
            if (Interlocked.Increment(ref _finished) < pauseAfter)
            {
                return;
            }

            while (!_open && !_permits.Wait(TimeSpan.FromMilliseconds(100)))
            {
            }
        }

        public void Release() => _permits.Release();

        public void Open()
        {
            _open = true;
            _permits.Release();
        }
    }
}
