using System.Text.RegularExpressions;

namespace NasPlatform.Architecture.Tests;

/// <summary>Inside each host project, folders (namespaces) depend on each other in one direction: no loops.</summary>
public sealed partial class FolderLoopTests
{
    public static TheoryData<string> HostProjects() =>
        new(RepositoryProjects.Current.All.Where(p => p.RelativeDirectory.StartsWith("src/", StringComparison.Ordinal)).Select(p => p.Name).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(HostProjects))]
    public void Namespaces_of_a_project_form_no_loop(string project)
    {
        var graph = NamespaceGraph(Path.Combine(RepositoryProjects.Current.Root, RepositoryProjects.Current[project].RelativeDirectory), project);

        var loops = StronglyConnected(graph).Where(c => c.Count > 1).Select(c => string.Join(" <-> ", c.Order(StringComparer.Ordinal))).ToList();

        Assert.True(loops.Count == 0, $"{project}: folders import each other in a loop: {string.Join("; ", loops)}");
    }

    [Fact]
    public void A_loop_is_found_when_there_is_one()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"],
        };

        var loops = StronglyConnected(graph).Where(c => c.Count > 1).ToList();

        Assert.Equal(["A", "B", "C"], Assert.Single(loops).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, HashSet<string>> NamespaceGraph(string directory, string project)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var separator = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var own = NamespaceLine().Match(text).Groups[1].Value;
            var edges = graph.TryGetValue(own, out var found) ? found : graph[own] = [];
            foreach (Match use in UsingLine().Matches(text))
            {
                var target = use.Groups[1].Value;
                if ((target == project || target.StartsWith(project + ".", StringComparison.Ordinal)) && target != own)
                    edges.Add(target);
            }
        }

        return graph;
    }

    // Tarjan's strongly connected components.
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in graph.GetValueOrDefault(v, []))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w) && index.TryGetValue(w, out var wIndex))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var v in graph.Keys.ToList())
        {
            if (!index.ContainsKey(v))
                Visit(v);
        }

        return result;
    }

    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
