using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

/// <summary>
/// Artifacts and locks belong to a store: two experiments of the same name in two stores of one folder used to
/// share <c>NAME-artifacts/</c> (a false "run by another session" lock, and the second run overwrote files the
/// first store still pointed to).
/// </summary>
public sealed class ArtifactsPerStoreTests : RunnerFixture
{
    [Fact]
    public async Task Two_same_named_experiments_in_two_stores_run_side_by_side_and_each_artifact_holds_its_own_trial()
    {
        var first = TestExperiments.Spec(StorePath("a.db"), trials: 12, seed: 1);
        var second = TestExperiments.Spec(StorePath("b.db"), trials: 12, seed: 2);

        // At the same time: a lock keyed by the experiment name alone refused the second.
        var runs = await Task.WhenAll(RunToEnd(first), RunToEnd(second));

        var paths = new HashSet<string>();
        foreach (var (_, trials) in runs)
        {
            Assert.Equal(12, trials.Count);
            foreach (var trial in trials)
            {
                var artifact = Assert.Single(trial.Artifacts);
                Assert.True(paths.Add(artifact.Path), $"{artifact.Path} is shared by two stores");
                Assert.Equal(BitStringSpace.Bits(trial.Candidate), File.ReadAllText(artifact.Path));
            }
        }
    }

    [Fact]
    public async Task An_archived_experiment_keeps_its_artifacts_when_one_of_the_same_name_starts_in_its_store()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 6, seed: 1);
        var (_, old) = await RunToEnd(spec);
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            store.Archive(store.FindExperiment("bits")!.Id, "bits@archived");
        }

        var (_, fresh) = await RunToEnd(spec with { Seed = 9 });

        Assert.Empty(old.Select(t => t.Artifacts[0].Path).Intersect(fresh.Select(t => t.Artifacts[0].Path)));
        Assert.All(old, t => Assert.Equal(BitStringSpace.Bits(t.Candidate), File.ReadAllText(t.Artifacts[0].Path)));
        using var reopened = SqliteTrialStore.Open(spec.StorePath);
        Assert.Equal(["bits@archived", "bits"], reopened.ListExperiments().Select(e => e.Name));
    }
}
