using System.Text.RegularExpressions;

namespace NasPlatform.Architecture.Tests;

/// <summary>
/// Plugins keep no static cache (issue 16): what they compute once and share goes into the cache the host
/// owns and bounds (<c>ComponentContext.Cache</c>), so a long search cannot grow a plugin's memory without
/// limit. A static field or property of a dictionary, weak table or lazy type in any project under plugins/
/// fails here, with the file and line.
/// </summary>
public sealed partial class PluginStaticCacheTests
{
    /// <summary>
    /// Statics that hold no data: what the plugin's own assembly declares, found once by reflection; a constant table
    /// written in the source (qrouter's route-script steps and what each does).
    /// </summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "plugins/Quantum/NasPlatform.Plugins.Quantum/Tasks/VariationalTaskRegistry.cs: Discovered",
        "plugins/Eda/NasPlatform.Eda/Flow/QrouterFailure.cs: Steps",
    };

    private static readonly HashSet<string> CacheTypes = new(StringComparer.Ordinal)
    {
        "Dictionary", "ConcurrentDictionary", "IDictionary", "IReadOnlyDictionary", "SortedDictionary", "FrozenDictionary",
        "ImmutableDictionary", "Hashtable", "ConditionalWeakTable", "Lazy", "MemoryCache", "ConcurrentBag", "ConcurrentQueue",
    };

    [Fact]
    public void No_plugin_declares_a_static_cache()
    {
        var root = RepositoryProjects.Current.Root;
        var separator = Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "plugins"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .SelectMany(f => StaticCaches(File.ReadAllText(f)).Select(c => (File: Path.GetRelativePath(root, f).Replace(separator, '/'), c.Line, c.Name)))
            .Where(c => !Allowed.Contains($"{c.File}: {c.Name}"))
            .Select(c => $"{c.File}:{c.Line} static {c.Name}")
            .ToList();

        Assert.True(offenders.Count == 0,
            "Plugins keep shared values in the host's bounded cache (ComponentContext.Cache, IComponentCache), not in statics: "
            + string.Join("; ", offenders));
    }

    [Fact]
    public void A_static_cache_is_found_and_constants_and_methods_are_not()
    {
        const string Source = """
            private static readonly ConcurrentDictionary<string, Lazy<VisionData>> Cache = new(StringComparer.Ordinal);
            private static readonly ConditionalWeakTable<FashionMnistData, ConcurrentDictionary<(int, int), Lazy<Pca>>> FullPcas = new();
            internal static Dictionary<string, int> Seen { get; } = [];
            private static readonly HashSet<string> Keywords = ["a", "b"];
            public static readonly IReadOnlyList<string> Kinds = ["x"];
            public static IReadOnlyDictionary<string, double> Compute(IComponentCache cache, string key) => new Dictionary<string, double>();
            public static IReadOnlyDictionary<string, double> Names => new Dictionary<string, double>();
            private readonly ConcurrentDictionary<string, int> _perInstance = new();
            """;

        Assert.Equal(["Cache", "FullPcas", "Seen"], StaticCaches(Source).Select(c => c.Name));
        Assert.Equal([1, 2, 3], StaticCaches(Source).Select(c => c.Line));
    }

    private static IEnumerable<(int Line, string Name)> StaticCaches(string source)
    {
        foreach (Match m in StaticMember().Matches(source))
        {
            if (CacheTypes.Contains(m.Groups["type"].Value))
            {
                yield return (source.AsSpan(0, m.Index).Count('\n') + 1, m.Groups["name"].Value);
            }
        }
    }

    // A static field or auto-property: "static [readonly] Type<...> Name" then "=", ";" or "{" (not "(" of a
    // method, not "=>" of a computed property). Type is the outer generic name, without its namespace.
    [GeneratedRegex(@"\bstatic\s+(?:readonly\s+|volatile\s+)*(?:[\w.]+\.)?(?<type>\w+)\s*(?:<(?:[^<>]|<(?:[^<>]|<(?:[^<>]|<[^<>]*>)*>)*>)*>)?\??\s+(?<name>\w+)\s*(?:=(?!>)|;|\{)")]
    private static partial Regex StaticMember();
}
