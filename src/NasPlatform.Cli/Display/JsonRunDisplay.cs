using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>JSON lines: one object per event ("started", "strategy", "trial", "summary"), for other programs.</summary>
internal sealed class JsonRunDisplay : RunDisplay
{
    private readonly Lock _gate = new();

    public JsonRunDisplay(ExperimentSpec spec, string? headline)
        : base(spec, headline)
    {
    }

    public override void RunStarted(RunSummary summary) => Emit("started", TrialJson.Summary(summary));

    public override void TrialFinished(TrialRecord trial, RunSummary summary)
    {
        Pace.TrialFinished();
        var body = TrialJson.Trial(trial);
        var progress = TrialJson.Summary(summary);
        var rate = Pace.TrialsPerMinute();
        progress["trialsPerMinute"] = rate;
        progress["etaSeconds"] = RunPace.EtaSeconds(rate, summary.TrialsFinished, summary.TrialBudget, summary.ElapsedSeconds, summary.SecondsBudget);
        body["progress"] = progress;
        Emit("trial", body);
    }

    public override void StrategyStatus(string message) => Emit("strategy", new JObject { ["message"] = message });

    public override void Warning(string message) => Emit("warning", new JObject { ["message"] = message });

    protected override void Finished(RunSummary summary) => Emit("summary", TrialJson.Summary(summary));

    private void Emit(string kind, JObject body)
    {
        body.AddFirst(new JProperty("event", kind));
        lock (_gate)
        {
            Console.Out.WriteLine(body.ToString(Formatting.None));
        }
    }
}
