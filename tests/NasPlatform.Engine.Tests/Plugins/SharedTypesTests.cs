using System.Reflection;
using System.Runtime.Loader;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

/// <summary>Each plugin has its own load context, yet the types that cross the boundary are the host's.</summary>
public sealed class SharedTypesTests
{
    private static readonly PluginCatalog Catalog = PluginCatalog.Load([BuiltPlugins.HelloFolder]);

    [Fact]
    public void PluginLivesInItsOwnLoadContext()
    {
        var context = PluginContext();

        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.NotSame(AssemblyLoadContext.GetLoadContext(typeof(PluginCatalog).Assembly), context);
    }

    [Fact]
    public void NewtonsoftContractAndTorchSharpResolveToTheHostsAssemblies()
    {
        var context = PluginContext();

        Assert.Same(typeof(JObject), context.LoadFromAssemblyName(new AssemblyName("Newtonsoft.Json")).GetType("Newtonsoft.Json.Linq.JObject"));
        Assert.Same(typeof(INasPlugin).Assembly, context.LoadFromAssemblyName(new AssemblyName("NasPlatform.Abstractions")));
        // By name only: the natives never load, the managed assembly is the host's.
        var hostTorch = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("TorchSharp"));
        Assert.Same(hostTorch, context.LoadFromAssemblyName(new AssemblyName("TorchSharp")));
    }

    [Fact]
    public void JObjectBuiltByPluginCodeIsTheHostsJObject()
    {
        var space = Catalog.CreateSearchSpace("hello", "digits", new JObject(), Path.GetTempPath(), 1, "test");
        var pluginDigits = space.GetType().Assembly.GetType("HelloPlugin.Digits", throwOnError: true)!;
        var toCandidate = pluginDigits.GetMethod("ToCandidate", BindingFlags.Public | BindingFlags.Static)!;

        // Digits.ToCandidate builds a JObject in the plugin's own code and hands it to the contract.
        var candidate = (NasPlatform.Abstractions.Candidates.Candidate)toCandidate.Invoke(null, [new[] { 1, 2 }])!;

        Assert.IsType<JObject>(candidate.ToJson());
        Assert.Equal("""{"digits":[1,2]}""", candidate.Json);
    }

    private static AssemblyLoadContext PluginContext()
    {
        var plugin = Assert.IsType<LoadedPlugin>(Catalog.Find("hello"));
        var space = plugin.SearchSpaces[0].Factory(new ComponentContext(Path.GetTempPath(), plugin.Directory, 1));
        return AssemblyLoadContext.GetLoadContext(space.GetType().Assembly)!;
    }
}
