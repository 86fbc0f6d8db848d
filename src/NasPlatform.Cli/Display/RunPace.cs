using System.Diagnostics;
using System.Globalization;
using NasPlatform.Engine.Running;

namespace NasPlatform.Cli.Display;

/// <summary>
/// How fast a run goes and when it will end: trials per minute over the last <see cref="Window"/> trials this
/// session finished, and the time left to the budget at that rate (or to the time budget, whichever comes
/// first). Only this session's trials set the rate: a resumed run's earlier trials ran at another time, perhaps
/// on another machine. Safe to call from several threads.
/// </summary>
internal sealed class RunPace
{
    /// <summary>Finished trials the rate is measured over: recent enough to follow a change of pace (a predictor that starts to refit), long enough not to jump with each trial.</summary>
    public const int Window = 10;

    private readonly Lock _gate = new();
    private readonly Func<double> _clock;
    private readonly double _start;
    private readonly Queue<double> _finishes = new();

    /// <summary>A pace measured on the wall clock from now.</summary>
    public RunPace()
        : this(StopwatchSeconds())
    {
    }

    /// <summary>A pace measured on <paramref name="clock"/> (seconds), from its value now.</summary>
    public RunPace(Func<double> clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _start = clock();
    }

    /// <summary>A trial of this session finished (completed, failed or pruned: each spends the trials budget).</summary>
    public void TrialFinished()
    {
        lock (_gate)
        {
            _finishes.Enqueue(_clock());
            // One more than the window: the oldest is where the window's time starts.
            while (_finishes.Count > Window + 1)
            {
                _finishes.Dequeue();
            }
        }
    }

    /// <summary>
    /// Trials per minute over the last <see cref="Window"/> finishes, measured up to now (so a run that stalls
    /// slows down on screen); null before this session's first trial finishes.
    /// </summary>
    public double? TrialsPerMinute()
    {
        lock (_gate)
        {
            var count = _finishes.Count;
            if (count == 0)
            {
                return null;
            }

            var (trials, from) = count > Window ? (Window, _finishes.Peek()) : (count, _start);
            var span = _clock() - from;
            return span > 0 ? trials * 60 / span : null;
        }
    }

    /// <summary>"3.2 trials/min, ETA 4m 41s" for where <paramref name="summary"/> stands.</summary>
    public string Describe(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Describe(TrialsPerMinute(), summary.TrialsFinished, summary.TrialBudget, summary.ElapsedSeconds, summary.SecondsBudget);
    }

    /// <summary>The pace in words: the rate when known, and the ETA when a trials or time budget gives one.</summary>
    public static string Describe(double? trialsPerMinute, int finished, int? trialBudget, double elapsedSeconds, double? secondsBudget)
    {
        var eta = EtaSeconds(trialsPerMinute, finished, trialBudget, elapsedSeconds, secondsBudget);
        var etaText = eta is { } seconds ? "ETA " + Duration(seconds)
            : trialBudget is not null ? "ETA after the first trial"
            : null;
        if (trialsPerMinute is not { } rate)
        {
            return etaText ?? "rate after the first trial";
        }

        var rateText = Rate(rate);
        return etaText is null ? rateText : $"{rateText}, {etaText}";
    }

    /// <summary>
    /// Seconds until the budget is spent: the trials left at <paramref name="trialsPerMinute"/>, or the time budget
    /// left, whichever ends first; null when neither says (no rate yet on a trials budget, or a cost budget alone).
    /// </summary>
    public static double? EtaSeconds(double? trialsPerMinute, int finished, int? trialBudget, double elapsedSeconds, double? secondsBudget)
    {
        double? byTrials = trialBudget is { } budget && trialsPerMinute is { } rate && rate > 0
            ? Math.Max(0, budget - finished) * 60 / rate
            : null;
        double? byTime = secondsBudget is { } seconds ? Math.Max(0, seconds - elapsedSeconds) : null;
        return (byTrials, byTime) switch
        {
            ({ } a, { } b) => Math.Min(a, b),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    /// <summary>"12 trials/min", "3.2 trials/min", "0.45 trials/min".</summary>
    public static string Rate(double trialsPerMinute)
    {
        var format = trialsPerMinute switch
        {
            >= 10 => "0",
            >= 1 => "0.0",
            _ => "0.00",
        };
        return trialsPerMinute.ToString(format, CultureInfo.InvariantCulture) + " trials/min";
    }

    /// <summary>"42 s", "4m 41s", "2h 05m", "3d 04h": two units at most, as a person reads an ETA.</summary>
    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return "-";
        }

        var whole = (long)Math.Round(seconds);
        var (major, minor, majorUnit, minorUnit) = whole switch
        {
            < 60 => (whole, -1L, " s", string.Empty),
            < 3600 => (whole / 60, whole % 60, "m", "s"),
            < 86400 => (whole / 3600, whole % 3600 / 60, "h", "m"),
            _ => (whole / 86400, whole % 86400 / 3600, "d", "h"),
        };
        var text = major.ToString(CultureInfo.InvariantCulture) + majorUnit;
        return minor < 0 ? text : $"{text} {minor.ToString("00", CultureInfo.InvariantCulture)}{minorUnit}";
    }

    private static Func<double> StopwatchSeconds()
    {
        var clock = Stopwatch.StartNew();
        return () => clock.Elapsed.TotalSeconds;
    }
}
