using NasPlatform.Search.Results;
using System.Diagnostics;
using System.Globalization;
using NasPlatform.Abstractions.Predictors;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// Keeps a strategy's predictor: pretrains it once (when configured) on the free statistics of
/// sampled candidates, refits it on the usable trials told so far, and at every refit reports to
/// the journal how well the previous fit ranked the trials told since, which it was not trained on.
/// </summary>
public sealed class PredictorTrainer : IDisposable
{
    /// <summary>Stream of the experiment seed the pretraining sample is drawn from.</summary>
    public const int PretrainSampleStream = 0x50_52_45;

    private readonly StrategyContext _context;
    private readonly PredictorSettings _settings;
    private readonly HashSet<string> _trainedOn = new(StringComparer.Ordinal);
    private string _pretrainNote = string.Empty;

    public PredictorTrainer(StrategyContext context, PredictorSettings settings, PredictorCatalog predictors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        _context = context;
        _settings = settings;
        Predictor = settings.CreatePredictor(predictors);
    }

    /// <summary>The predictor; fitted once <see cref="Refit(IReadOnlyList{TrialOutcome}, int, IReadOnlyList{TrialOutcome})"/> has run with data.</summary>
    public IPredictor Predictor { get; }

    /// <summary>Trials the current fit was trained on.</summary>
    public int TrainedOn => _trainedOn.Count;

    /// <summary>Fits so far.</summary>
    public int Fits { get; private set; }

    /// <summary>
    /// The trials a predictor of the primary objective learns from: completed, feasible, at the
    /// experiment's default fidelity, with a finite value of the primary metric. Targets are utilities
    /// (larger is better, whatever the direction).
    /// </summary>
    public static IReadOnlyList<TrialOutcome> TrainingTrials(IEnumerable<TrialOutcome> told, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(told);
        ArgumentNullException.ThrowIfNull(context);
        var metric = context.Objectives.Primary.Metric;
        return told.Where(t => t.IsUsable && t.Fidelity == context.DefaultFidelity.Name
                               && t.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v))
            .ToList();
    }

    /// <summary>The utility of a trial's primary metric.</summary>
    public static double Utility(TrialOutcome trial, StrategyContext context) =>
        context.Objectives.Primary.Utility(trial.Metrics[context.Objectives.Primary.Metric]);

    /// <summary>Refits on <paramref name="trials"/> (usable ones, see <see cref="TrainingTrials"/>) with <paramref name="seed"/>.</summary>
    public void Refit(IReadOnlyList<TrialOutcome> trials, int seed) => Refit(trials, seed, []);

    /// <summary>
    /// Refits on this experiment's <paramref name="trials"/> and on <paramref name="transferred"/> trials of another
    /// problem, each problem's utilities standardised on their own (<see cref="TransferTargets"/>). The held-out
    /// ranking reported is on this experiment's trials only.
    /// </summary>
    public void Refit(IReadOnlyList<TrialOutcome> trials, int seed, IReadOnlyList<TrialOutcome> transferred)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(transferred);
        if (trials.Count + transferred.Count == 0)
        {
            throw new ArgumentException("A predictor needs at least one trial to fit.", nameof(trials));
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var heldOutText = string.Empty;
        var unseen = trials.Where(t => !_trainedOn.Contains(t.Candidate.Hash)).ToList();
        if (Predictor.IsFitted && unseen.Count >= 2)
        {
            var predicted = Predictor.Predict(unseen.Select(t => _context.Space.Encode(t.Candidate)).ToArray()).Mean;
            var actual = unseen.Select(t => Utility(t, _context)).ToArray();
            var tau = RankCorrelation.KendallTauB(predicted, actual);
            var rho = RankCorrelation.Spearman(predicted, actual);
            values["kendallTau"] = tau;
            values["spearmanRho"] = rho;
            values["heldOut"] = unseen.Count;
            values["heldOutTrainedOn"] = _trainedOn.Count;
            heldOutText = string.Create(CultureInfo.InvariantCulture,
                $"; the previous fit (on {_trainedOn.Count}) ranked the {unseen.Count} trials told since with Kendall tau {Format(tau)}, Spearman rho {Format(rho)}");
        }

        var clock = Stopwatch.StartNew();
        if (_settings.PretrainsMlp && Predictor is IPretrainablePredictor { IsPretrained: false } pretrainable)
        {
            _context.Status.Report(string.Create(CultureInfo.InvariantCulture, $"pretraining the predictor on {_settings.PretrainSamples} sampled candidates' free statistics"));
            Pretrain(pretrainable);
        }

        // A fit can take seconds (an MLP ensemble on a loaded machine): the display says why no trial starts.
        _context.Status.Report(transferred.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"refitting the predictor on {trials.Count} trials")
            : string.Create(CultureInfo.InvariantCulture, $"refitting the predictor on {trials.Count} trials and {transferred.Count} transferred ones"));

        var rows = trials.Concat(transferred).Select(t => _context.Space.Encode(t.Candidate)).ToArray();
        Predictor.Fit(rows, TransferTargets.Of(trials, transferred, _context), seed);
        var seconds = clock.Elapsed.TotalSeconds;
        _trainedOn.Clear();
        _trainedOn.UnionWith(trials.Select(t => t.Candidate.Hash));
        Fits++;

        values["trainedOn"] = trials.Count;
        values["fitSeconds"] = seconds;
        var transferText = string.Empty;
        if (transferred.Count > 0)
        {
            values["transferred"] = transferred.Count;
            transferText = string.Create(CultureInfo.InvariantCulture, $" and {transferred.Count} transferred trials of another experiment");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{Predictor.Name}{_pretrainNote} fitted on {trials.Count} trials{transferText} in {seconds:F2} s{heldOutText}");
        _context.Journal.Record(new StrategyEvent(StrategyEvent.PredictorFitKind, summary, values));
    }

    public void Dispose() => (Predictor as IDisposable)?.Dispose();

    private void Pretrain(IPretrainablePredictor predictor)
    {
        var sample = PretrainingSample.Draw(_context.Space, _settings.PretrainSamples, new Random(SeedSequence.Derive(_context.Seed, PretrainSampleStream)));
        if (!sample.IsUsable)
        {
            _pretrainNote = " (not pretrained: the space reports no varying free statistic)";
            return;
        }

        predictor.Pretrain(sample.Encodings, sample.Statistics, SeedSequence.Derive(_context.Seed, PretrainSampleStream + 1));
        _pretrainNote = string.Create(CultureInfo.InvariantCulture, $" (pretrained on {sample.Columns.Count} free statistics of {sample.Encodings.Count} samples)");
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);
}
