using System.Globalization;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NasPlatform.Cli.Display;

/// <summary>
/// A live view on a terminal: trials done against the budget with the rate and ETA, what the strategy is
/// doing between trials, the best so far (objectives and the domain's headline metric), the running trials
/// with their progress, and the last few finished. Observer calls only record state (they come from the
/// runner's threads); the view is redrawn a few times a second.
/// </summary>
internal sealed class LiveRunDisplay : RunDisplay
{
    private const int RecentCount = 6;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (TrialRecord Trial, EvaluationProgress? Progress)> _running = [];
    private readonly Queue<TrialRecord> _recent = new();
    private RunSummary? _summary;
    private long _rejected;
    private string? _strategyStatus;

    public LiveRunDisplay(ExperimentSpec spec, string? headline)
        : base(spec, headline)
    {
    }

    public override void RunStarted(RunSummary summary)
    {
        lock (_gate)
        {
            _summary = summary;
        }
    }

    public override void TrialStarted(TrialRecord trial)
    {
        lock (_gate)
        {
            _running[trial.Number] = (trial, null);
            // The strategy's step is over once it proposes again.
            _strategyStatus = null;
        }
    }

    public override void TrialProgress(int number, EvaluationProgress progress)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(number, out var entry))
            {
                _running[number] = (entry.Trial, progress);
            }
        }
    }

    public override void StrategyStatus(string message)
    {
        lock (_gate)
        {
            _strategyStatus = message;
        }
    }

    public override void TrialFinished(TrialRecord trial, RunSummary summary)
    {
        Pace.TrialFinished();
        lock (_gate)
        {
            _running.Remove(trial.Number);
            _recent.Enqueue(trial);
            while (_recent.Count > RecentCount)
            {
                _recent.Dequeue();
            }

            _summary = summary;
        }
    }

    public override void CandidateRejected(CandidateRejection rejection) => Interlocked.Increment(ref _rejected);

    public override async Task<RunSummary> ShowAsync(Func<Task<RunSummary>> run)
    {
        RunSummary? result = null;
        await AnsiConsole.Live(Render()).AutoClear(true).StartAsync(async context =>
        {
            var task = run();
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
                context.UpdateTarget(Render());
            }

            result = await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
        Finished(result!);
        return result!;
    }

    protected override void Finished(RunSummary summary) => SummaryText.Write(Console.Out, summary, Spec, Headline);

    private IRenderable Render()
    {
        lock (_gate)
        {
            var rows = new List<IRenderable>();
            var s = _summary;
            var header = s is null
                ? $"[bold]{Markup.Escape(Spec.Name)}[/]: starting"
                : $"[bold]{Markup.Escape(Spec.Name)}[/]: {Markup.Escape(TrialText.Budget(s.TrialsFinished, s.TrialBudget, s.ElapsedSeconds, s.SecondsBudget))}" +
                  $" — [bold]{Markup.Escape(Pace.Describe(s))}[/]";
            rows.Add(new Markup(header));
            if (s is not null)
            {
                rows.Add(new Markup($"{s.Completed} completed, {s.Failed} failed, {s.Infeasible} infeasible, {Interlocked.Read(ref _rejected)} rejected early"));
            }

            if (s?.TrialBudget is { } budget && budget > 0)
            {
                rows.Add(new BreakdownChart().Width(60).HideTags()
                    .AddItem("done", s.TrialsFinished, Color.Green)
                    .AddItem("left", Math.Max(0, budget - s.TrialsFinished), Color.Grey));
            }

            if (_strategyStatus is { } status)
            {
                rows.Add(new Markup($"[grey]strategy: {Markup.Escape(status)}...[/]"));
            }

            var best = s?.Best ?? [];
            rows.Add(new Markup(best.Count == 0
                ? "best: none yet"
                : "best: " + string.Join(" | ", best.Take(3).Select(b => Markup.Escape($"trial {b.Number} {TrialText.WithHeadline(b, Spec, Headline)}"))) + (best.Count > 3 ? $" (+{best.Count - 3} on the Pareto front)" : string.Empty)));

            var table = new Table().Border(TableBorder.Simple).AddColumns("trial", "state", "fidelity", "progress", "result");
            foreach (var (trial, progress) in _running.Values.OrderBy(r => r.Trial.Number))
            {
                var fraction = progress is null ? "-" : $"{progress.Fraction:P0} {progress.Message}";
                table.AddRow(trial.Number.ToString(CultureInfo.InvariantCulture), "[blue]running[/]", Markup.Escape(trial.Fidelity), Markup.Escape(fraction), string.Empty);
            }

            foreach (var trial in _recent.Reverse())
            {
                var color = trial.State switch
                {
                    Abstractions.Search.TrialState.Completed when trial.Feasible => "green",
                    Abstractions.Search.TrialState.Failed => "red",
                    _ => "yellow",
                };
                table.AddRow(trial.Number.ToString(CultureInfo.InvariantCulture), $"[{color}]{TrialText.State(trial.State)}[/]", Markup.Escape(trial.Fidelity), string.Empty, Markup.Escape(TrialText.Objectives(trial, Spec)));
            }

            rows.Add(table);
            return new Rows(rows);
        }
    }
}
