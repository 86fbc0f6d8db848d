using System.Globalization;
using System.Text;

namespace NasPlatform.Torch.Native;

/// <summary>
/// Works out why a native library failed to load on Linux: reads the symbol versions it (and the
/// libraries beside it that it links against) need, and compares them with what the libraries the
/// dynamic loader would pick actually define.
/// </summary>
internal static class NativeLoadDiagnosis
{
    /// <summary>The repository script that provides a newer glibc/libstdc++ without touching the system.</summary>
    public const string CompatScript = "scripts/torch-compat.sh";

    private static readonly string[] SystemLibraryDirectories =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    /// <summary>
    /// Versions missing for <paramref name="libraryPath"/> and its same-folder dependencies.
    /// <paramref name="locateProvider"/> maps (soname, folder of the library that needs it) to the file the
    /// loader would use, or null.
    /// </summary>
    public static IReadOnlyList<MissingVersion> FindMissingVersions(string libraryPath, Func<string, string, string?> locateProvider)
    {
        var missing = new List<MissingVersion>();
        var definitionsByProvider = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(Path.GetFullPath(libraryPath)) ?? ".";
        var pending = new Queue<string>([Path.GetFullPath(libraryPath)]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(libraryPath) };

        while (pending.TryDequeue(out var library))
        {
            ElfSymbolVersions versions;
            try
            {
                versions = ElfSymbolVersions.Read(library);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                continue;
            }

            // Libraries shipped beside this one (libtorch.so, libc10.so, ...) are loaded too and can fail the same way.
            foreach (var sibling in versions.Needed.Select(n => Path.Combine(folder, n)))
            {
                if (File.Exists(sibling) && seen.Add(sibling))
                    pending.Enqueue(sibling);
            }

            foreach (var requirement in versions.Requirements)
            {
                var provider = locateProvider(requirement.File, folder);
                IReadOnlySet<string> defined = new HashSet<string>();
                if (provider is not null && !definitionsByProvider.TryGetValue(provider, out defined!))
                {
                    try
                    {
                        defined = ElfSymbolVersions.Read(provider).Definitions;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                    {
                        continue;
                    }
                    definitionsByProvider[provider] = defined;
                }

                foreach (var version in requirement.Versions.Where(v => !defined.Contains(v.Name)))
                {
                    missing.Add(new MissingVersion(library, requirement.File, provider, version.Name, version.Symbols,
                        NewestOfFamily(defined, version.Name)));
                }
            }
        }
        return missing;
    }

    /// <summary>The file the dynamic loader of this process would use for <paramref name="soname"/>.</summary>
    public static string? LocateProviderForThisProcess(string soname, string requesterFolder)
    {
        // A library already in the process is reused by soname, whatever the search path says.
        var loaded = LoadedLibraries().FirstOrDefault(path => MatchesSoname(Path.GetFileName(path), soname));
        if (loaded is not null)
            return loaded;
        return new[] { requesterFolder }.Concat(SystemLibraryDirectories)
            .Select(folder => Path.Combine(folder, soname))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>A message naming the library, each missing version with the functions that need it, and the fix.</summary>
    public static string Explain(string libraryPath, string loaderMessage, IReadOnlyList<MissingVersion> missing)
    {
        var text = new StringBuilder($"TorchSharp's native library {libraryPath} could not be loaded.");
        if (missing.Count == 0)
        {
            text.Append(" The dynamic loader said: ").Append(loaderMessage.Trim());
            return text.ToString();
        }

        foreach (var group in missing.GroupBy(m => (m.Library, m.Soname, m.Provider, m.NewestProvided)))
        {
            var (library, soname, provider, newest) = group.Key;
            text.Append(Environment.NewLine).Append(Path.GetFileName(library)).Append(" needs ");
            text.Append(string.Join(", ", group.Select(Describe)));
            text.Append(" from ").Append(soname).Append(", but ");
            text.Append(provider is null
                ? "no such library was found"
                : newest is null ? $"{provider} does not define it" : $"{provider} only goes up to {newest}");
            text.Append('.');
        }

        var family = missing.Select(m => m.Soname).ToHashSet();
        text.Append(Environment.NewLine);
        if (family.Any(s => s.StartsWith("libstdc++", StringComparison.Ordinal) || s.StartsWith("libc.", StringComparison.Ordinal)
                            || s.StartsWith("libm.", StringComparison.Ordinal) || s.StartsWith("libgcc_s", StringComparison.Ordinal)))
        {
            text.Append("This system's C/C++ runtime is older than the one LibTorch was built for (e.g. Debian 12, Ubuntu 22.04 lack GCC 13's GLIBCXX_3.4.32). ");
            text.Append($"Fix: run through ./nas or ./test.sh, which set up a private newer libstdc++ with {CompatScript}; ");
            text.Append($"for other dotnet commands run `eval \"$({CompatScript} --env)\"` first; or install GCC 13's libstdc++ or newer.");
        }
        else
        {
            text.Append("Fix: install a version of the libraries above that defines the missing versions.");
        }
        text.Append(Environment.NewLine).Append("The dynamic loader said: ").Append(loaderMessage.Trim());
        return text.ToString();
    }

    private static string Describe(MissingVersion missing)
    {
        if (missing.Symbols.Count == 0)
            return missing.Version;
        var names = missing.Symbols.Take(3).Select(CxxNames.Demangle);
        var more = missing.Symbols.Count > 3 ? $" and {missing.Symbols.Count - 3} more" : "";
        return $"{missing.Version} (for {string.Join(", ", names)}{more})";
    }

    private static IEnumerable<string> LoadedLibraries()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/maps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        return lines
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? line[slash..] : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
    }

    // The loaded file is usually the versioned one (libstdc++.so.6.0.30) that the soname links to.
    private static bool MatchesSoname(string fileName, string soname) =>
        fileName == soname || fileName.StartsWith(soname + ".", StringComparison.Ordinal);

    /// <summary>The newest defined version in the same family as <paramref name="version"/> (GLIBCXX_, GLIBC_, CXXABI_...).</summary>
    internal static string? NewestOfFamily(IEnumerable<string> defined, string version)
    {
        var separator = version.LastIndexOf('_');
        if (separator < 0)
            return null;
        var family = version[..(separator + 1)];
        return defined
            .Where(d => d.StartsWith(family, StringComparison.Ordinal) && ParseVersion(d[family.Length..]) is not null)
            .OrderBy(d => ParseVersion(d[family.Length..]))
            .LastOrDefault();
    }

    private static Version? ParseVersion(string text)
    {
        var parts = text.Split('.');
        if (parts.Length is < 1 or > 4 || !parts.All(p => int.TryParse(p, out _)))
            return null;
        return parts.Length == 1 ? new Version(int.Parse(parts[0], CultureInfo.InvariantCulture), 0) : Version.Parse(text);
    }
}
