namespace NasPlatform.Architecture.Tests;

/// <summary>
/// Who may reference whom (docs/architecture.md), on the declared references and everything they bring along.
/// Plugins and the libraries only domains use live under plugins/; the host under src/.
/// </summary>
public sealed class LayerRulesTests
{
    private static readonly RepositoryProjects Projects = RepositoryProjects.Current;

    [Fact]
    public void The_contract_references_nothing_but_the_BCL_and_Newtonsoft()
    {
        var contract = Projects["NasPlatform.Abstractions"];

        Assert.Empty(Projects.Closure(contract));
        Assert.Equal(["Newtonsoft.Json"], contract.Packages);
    }

    [Fact]
    public void The_contract_tracks_its_public_API()
    {
        var contract = Projects["NasPlatform.Abstractions"];
        var shipped = File.ReadAllLines(Path.Combine(Projects.Root, contract.RelativeDirectory, "PublicAPI.Shipped.txt"));

        Assert.Contains("Microsoft.CodeAnalysis.PublicApiAnalyzers", contract.BuildOnlyPackages);
        Assert.Contains("NasPlatform.Abstractions.Plugins.IPluginRegistry.AddTrialViews(NasPlatform.Abstractions.Views.ITrialViews! views) -> void", shipped);
        Assert.True(shipped.Length > 400, $"PublicAPI.Shipped.txt lists {shipped.Length} lines; the contract has more members than that");
    }

    [Fact]
    public void Search_references_the_contract_only_and_never_TorchSharp()
    {
        var search = Projects["NasPlatform.Search"];

        Assert.Equal(["NasPlatform.Abstractions"], Projects.Closure(search).Select(p => p.Name));
        Assert.DoesNotContain(Projects.PackageClosure(search), IsTorchSharp);
    }

    [Theory]
    [InlineData("NasPlatform.Engine")]
    [InlineData("NasPlatform.Workflows")]
    [InlineData("NasPlatform.Distributed")]
    public void The_engine_and_what_builds_on_it_reach_neither_TorchSharp_nor_a_domain(string name)
    {
        var project = Projects[name];
        var closure = Projects.Closure(project);

        Assert.DoesNotContain(closure, p => p.IsDomain);
        Assert.DoesNotContain(closure, p => p.Name is "NasPlatform.Torch" or "NasPlatform.Search.Torch");
        Assert.DoesNotContain(Projects.PackageClosure(project), IsTorchSharp);
    }

    [Fact]
    public void No_host_project_compiles_against_a_domain_library()
    {
        var host = Projects.All.Where(p => p.RelativeDirectory.StartsWith("src/", StringComparison.Ordinal));

        var offenders = host.SelectMany(p => Projects.Closure(p).Where(r => r.IsDomain).Select(r => $"{p.Name} -> {r.Name}")).ToList();

        Assert.True(offenders.Count == 0, "host projects reach domain libraries: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Plugins_compile_against_the_contract_and_shared_helpers_only()
    {
        var allowedHost = new HashSet<string>(StringComparer.Ordinal) { "NasPlatform.Abstractions", "NasPlatform.Torch" };

        var offenders = Projects.All.Where(p => p.IsDomain)
            .SelectMany(p => Projects.Closure(p).Where(r => !r.IsDomain && !allowedHost.Contains(r.Name)).Select(r => $"{p.Name} -> {r.Name}"))
            .ToList();

        Assert.True(offenders.Count == 0, "plugins reach host projects: " + string.Join(", ", offenders));
    }

    private static bool IsTorchSharp(string package) => package.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase);
}
