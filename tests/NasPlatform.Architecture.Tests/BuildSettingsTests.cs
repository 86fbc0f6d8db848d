using System.Xml.Linq;

namespace NasPlatform.Architecture.Tests;

/// <summary>The analyzers every project builds with stay on (docs/architecture.md, "Analyzers").</summary>
public sealed class BuildSettingsTests
{
    private static readonly XDocument Props = XDocument.Load(Path.Combine(RepositoryProjects.Current.Root, "Directory.Build.props"));

    [Theory]
    [InlineData("TreatWarningsAsErrors", "true")]
    [InlineData("AnalysisLevel", "latest-recommended")]
    [InlineData("EnforceCodeStyleInBuild", "true")]
    [InlineData("Nullable", "enable")]
    public void Every_project_builds_with(string property, string value)
    {
        Assert.Contains(Props.Descendants(property), e => e.Value == value && e.Parent?.Attribute("Condition") is null);
    }

    [Fact]
    public void The_TorchSharp_bans_apply_to_every_project()
    {
        var files = Props.Descendants("AdditionalFiles").Select(e => (string?)e.Attribute("Include") ?? string.Empty).ToList();

        Assert.Contains(files, f => f.EndsWith("BannedSymbols.TorchSharp.txt", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("BannedSymbols.Threads.txt", StringComparison.Ordinal));
    }
}
