using NasPlatform.Engine.Tests.Running.TestDomain;
using System.Security.Cryptography;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

/// <summary>
/// The store records each artifact's SHA-256 when its trial finishes, and verification reports
/// exactly the artifacts that went missing or changed since (<c>nas status --verify</c>).
/// </summary>
public sealed class ArtifactVerificationTests : RunnerFixture
{
    [Fact]
    public async Task Every_recorded_artifact_hash_is_the_SHA_256_of_its_file()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 6, seed: 1);
        var (summary, trials) = await RunToEnd(spec);

        using var store = SqliteTrialStore.OpenExisting(spec.StorePath);
        var stored = store.GetStoredArtifacts(summary.ExperimentId);

        Assert.Equal(trials.Sum(t => t.Artifacts.Count), stored.Count);
        Assert.Equal(6, stored.Count);
        Assert.All(stored, a => Assert.Equal(Sha256(a.Path), a.Sha256));
        var verification = ArtifactVerification.Of(store, summary.ExperimentId);
        Assert.True(verification.Passed);
        Assert.Equal("verified 6 artifacts: 6 ok, 0 missing, 0 changed, 0 unverified", verification.Summary);
    }

    [Fact]
    public async Task Verification_reports_exactly_the_edited_artifact_as_changed_and_the_deleted_one_as_missing()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 6, seed: 1);
        var (summary, trials) = await RunToEnd(spec);
        var edited = trials[1].Artifacts[0].Path;
        var deleted = trials[4].Artifacts[0].Path;
        File.AppendAllText(edited, "tampered");
        File.Delete(deleted);

        using var store = SqliteTrialStore.OpenExisting(spec.StorePath);
        var verification = ArtifactVerification.Of(store, summary.ExperimentId);

        Assert.False(verification.Passed);
        Assert.Equal("verified 6 artifacts: 4 ok, 1 missing, 1 changed, 0 unverified", verification.Summary);
        Assert.Equal(
            [(trials[1].Number, ArtifactCheck.Changed, edited), (trials[4].Number, ArtifactCheck.Missing, deleted)],
            verification.Problems.Select(p => (p.Artifact.TrialNumber, p.Check, p.Artifact.Path)));
        Assert.Equal(Sha256(edited), verification.Problems.First().ActualSha256);
    }

    [Fact]
    public void An_artifact_that_is_a_folder_or_not_on_this_machine_is_recorded_without_a_hash_and_counts_as_unverified()
    {
        using var store = SqliteTrialStore.Open(StorePath());
        var experiment = store.CreateExperiment("exp", "{}", 1, Directory);
        store.AddTrial(experiment.Id, 0, BitStringSpace.Make("0101"), "full", new Dictionary<string, double>());
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "model")).FullName;
        // A cluster worker reports paths on its own machine, which this one cannot see.
        var remote = "/nonexistent/worker-7/trial-0/model.pt";

        store.Finish(experiment.Id, 0, TrialState.Completed, new Dictionary<string, double> { ["score"] = 1 }, true, null,
            [new Artifact("folder", folder), new Artifact("remote", remote)], 0);

        Assert.All(store.GetStoredArtifacts(experiment.Id), a => Assert.Null(a.Sha256));
        var verification = ArtifactVerification.Of(store, experiment.Id);
        Assert.True(verification.Passed);
        Assert.Equal("verified 2 artifacts: 0 ok, 0 missing, 0 changed, 2 unverified", verification.Summary);
        Assert.EndsWith("has no recorded hash and is not found on this machine", verification.Problems.Last().Describe(), StringComparison.Ordinal);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
