using System.Xml.Linq;

namespace NasPlatform.Architecture.Tests;

/// <summary>Every project of the repository with its declared project and package references, read from the .csproj files.</summary>
internal sealed class RepositoryProjects
{
    private readonly Dictionary<string, ProjectFile> _byName;

    private RepositoryProjects(string root, IEnumerable<ProjectFile> projects)
    {
        Root = root;
        _byName = projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public static RepositoryProjects Current { get; } = Load(FindRoot());

    public string Root { get; }

    public IEnumerable<ProjectFile> All => _byName.Values;

    public ProjectFile this[string name] => _byName[name];

    /// <summary>Projects reached through project references (build-order-only ones excluded), not counting the project itself.</summary>
    public IReadOnlySet<ProjectFile> Closure(ProjectFile project)
    {
        var seen = new HashSet<ProjectFile>();
        var stack = new Stack<ProjectFile>(References(project));
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
                foreach (var further in References(next))
                    stack.Push(further);
        }

        return seen;
    }

    /// <summary>Packages of the project and of every project it reaches.</summary>
    public IReadOnlySet<string> PackageClosure(ProjectFile project) =>
        Closure(project).Append(project).SelectMany(p => p.Packages).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<ProjectFile> References(ProjectFile project) =>
        project.References.Where(r => r.CompilesAgainst).Select(r => _byName[r.Name]);

    private static RepositoryProjects Load(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.nasplatform{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return new RepositoryProjects(root, files.Select(f => ProjectFile.Read(root, f)));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One .csproj: where it lives, what it references.</summary>
internal sealed record ProjectFile(string Name, string RelativeDirectory, IReadOnlyList<ProjectReference> References, IReadOnlyList<string> Packages)
{
    /// <summary>Build-time-only packages (PrivateAssets="all": analyzers), which reach neither consumers nor the running program.</summary>
    public IReadOnlyList<string> BuildOnlyPackages { get; init; } = [];

    /// <summary>True for projects under plugins/ (a domain plugin or a library only domains use).</summary>
    public bool IsDomain => RelativeDirectory.StartsWith("plugins/", StringComparison.Ordinal);

    public override string ToString() => Name;

    public static ProjectFile Read(string root, string path)
    {
        var document = XDocument.Load(path);
        var directory = Path.GetDirectoryName(path)!;
        var references = document.Descendants("ProjectReference").Select(e =>
        {
            var include = ((string)e.Attribute("Include")!).Replace("$(RepoRoot)", root + "/", StringComparison.Ordinal).Replace('\\', '/');
            var full = Path.GetFullPath(Path.IsPathRooted(include) ? include : Path.Combine(directory, include));
            var compiles = !string.Equals((string?)e.Attribute("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase);
            return new ProjectReference(Path.GetFileNameWithoutExtension(full), compiles);
        }).ToList();
        static bool BuildOnly(XElement e) => string.Equals((string?)e.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase);
        var packageElements = document.Descendants("PackageReference").ToList();
        var packages = packageElements.Where(e => !BuildOnly(e)).Select(e => (string)e.Attribute("Include")!).ToList();
        var relative = Path.GetRelativePath(root, directory).Replace('\\', '/') + "/";
        return new ProjectFile(Path.GetFileNameWithoutExtension(path), relative, references, packages)
        {
            BuildOnlyPackages = packageElements.Where(BuildOnly).Select(e => (string)e.Attribute("Include")!).ToList(),
        };
    }
}

/// <summary>A project reference; build-order-only references (ReferenceOutputAssembly="false") do not compile against the target.</summary>
internal sealed record ProjectReference(string Name, bool CompilesAgainst);
