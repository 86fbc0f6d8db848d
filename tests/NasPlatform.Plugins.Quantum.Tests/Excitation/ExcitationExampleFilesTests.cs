using NasPlatform.Plugins.Quantum.Tests.Long;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>The chemistry example files pass <c>nas validate</c> (plugins, space-task check, psi4 cached), and a mismatch fails it with exit 2.</summary>
public sealed class ExcitationExampleFilesTests
{
    [Theory]
    [InlineData("lih-uccsd.json")]
    [InlineData("lih-adapt.json")]
    [InlineData("lih-qubit-adapt.json")]
    [InlineData("lih-excitation.json")]
    [InlineData("h2o-uccsd.json")]
    [InlineData("h2o-adapt.json")]
    [InlineData("h2o-excitation.json")]
    [InlineData("h2o-adapt-cnot.json")]
    [InlineData("h2o-adapt-prune.json")]
    [InlineData("lih-adapt-prune.json")]
    public void ExampleValidates(string file)
    {
        var root = NasCli.RepoRoot();
        var (code, stdout, stderr) = NasCli.Run(root, TimeSpan.FromMinutes(5), "validate", Path.Combine(root, "examples", "quantum", file));
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("search space excitation", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"warmStrat\": true", "did you mean 'warmStart'")]
    [InlineData("\"warmStart\": \"yes\"", "warmStart")]
    public void AMistypedWarmStartIsRefusedWithExitTwo(string option, string expected)
    {
        var root = NasCli.RepoRoot();
        var work = Directory.CreateTempSubdirectory("warm-start-validate-");
        try
        {
            var text = File.ReadAllText(Path.Combine(root, "examples", "quantum", "lih-excitation.json"))
                .Replace("\"sampleSize\": 4", "\"sampleSize\": 4, " + option, StringComparison.Ordinal)
                .Replace("../../schemas/", Path.Combine(root, "schemas") + "/", StringComparison.Ordinal);
            var file = Path.Combine(work.FullName, "lih-excitation.json");
            File.WriteAllText(file, text);
            var (code, _, stderr) = NasCli.Run(root, TimeSpan.FromMinutes(5), "validate", file);
            Assert.Equal(2, code);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(true);
        }
    }

    [Theory]
    [InlineData("\"selection\": \"cheapest\"", "$.strategy.options.selection")]
    [InlineData("\"extraOperators\": -1", "$.strategy.options.extraOperators")]
    [InlineData("\"prune\": \"yes\"", "$.strategy.options.prune")]
    public void AMistypedAdaptOptionIsRefusedWithExitTwoAndItsPath(string option, string path)
    {
        var root = NasCli.RepoRoot();
        var work = Directory.CreateTempSubdirectory("adapt-validate-");
        try
        {
            var text = File.ReadAllText(Path.Combine(root, "examples", "quantum", "lih-qeb-adapt.json"))
                .Replace("\"chemicalAccuracy\": 0.0016", "\"chemicalAccuracy\": 0.0016, " + option, StringComparison.Ordinal)
                .Replace("../../schemas/", Path.Combine(root, "schemas") + "/", StringComparison.Ordinal);
            Assert.Contains(option, text, StringComparison.Ordinal);
            var file = Path.Combine(work.FullName, "lih-qeb-adapt.json");
            File.WriteAllText(file, text);
            var (code, _, stderr) = NasCli.Run(root, TimeSpan.FromMinutes(5), "validate", file);
            Assert.Equal(2, code);
            Assert.Contains(path, stderr, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(true);
        }
    }

    [Fact]
    public void ASpaceThatRestatesTheMoleculeWronglyIsRefusedWithExitTwo()
    {
        var root = NasCli.RepoRoot();
        var work = Directory.CreateTempSubdirectory("excitation-validate-");
        try
        {
            var text = File.ReadAllText(Path.Combine(root, "examples", "quantum", "lih-adapt.json"))
                .Replace("\"orbitals\": 5", "\"orbitals\": 4", StringComparison.Ordinal)
                .Replace("../../schemas/", Path.Combine(root, "schemas") + "/", StringComparison.Ordinal);
            var file = Path.Combine(work.FullName, "lih-adapt.json");
            File.WriteAllText(file, text);
            var (code, _, stderr) = NasCli.Run(root, TimeSpan.FromMinutes(5), "validate", file);
            Assert.Equal(2, code);
            Assert.Contains("set \"orbitals\": 5", stderr, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(true);
        }
    }
}
