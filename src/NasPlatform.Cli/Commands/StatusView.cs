using NasPlatform.Abstractions.Search;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Commands;

/// <summary>What <c>nas status</c> shows, read once from the store: the standing, the trials shown, the latest predictor fit, amendments, the artifact check and the shown candidates' choices.</summary>
internal sealed record StatusView(
    LocatedExperiment Located,
    IReadOnlyList<TrialRecord> Trials,
    ExperimentStanding Standing,
    FrontStatus Front,
    IReadOnlyList<TrialRecord> Shown,
    StrategyEventRecord? PredictorFit,
    IReadOnlyList<AmendmentRecord> Amendments,
    ArtifactVerification? Verification,
    TrialChoices Choices)
{
    public static StatusView Of(LocatedExperiment located, int? last, bool verify, IReadOnlyList<string> pluginDirectories)
    {
        var (store, id) = (located.Store, located.Record.Id);
        var trials = store.GetTrials(id);
        var standing = ExperimentStanding.Of(trials, located.Spec, store.GetFidelities(id));
        var fits = store.GetStrategyEvents(id, StrategyEvent.PredictorFitKind);
        var shown = last is { } n ? trials.TakeLast(Math.Max(0, n)).ToList() : trials;
        return new StatusView(
            located,
            trials,
            standing,
            FrontStatus.Of(located, standing),
            shown,
            fits.Count > 0 ? fits[^1] : null,
            store.GetAmendments(id),
            verify ? ArtifactVerification.Of(store, id) : null,
            TrialChoices.Of(located.Spec, shown.Concat(standing.Best).Select(t => t.Candidate), () => PluginCatalog.LoadDefaultOnly(pluginDirectories, located.Spec.Plugin)));
    }
}
