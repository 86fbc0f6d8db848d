using NasPlatform.Abstractions;
using NasPlatform.Engine.Experiments;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// Finds the stores a dashboard shows, while it runs: a store named on the command line at once; the store an
/// experiment file names as soon as its run creates it; and every store (.db) in a watched folder or its
/// subfolders (two levels down) as it appears. A path that does not exist is a mistake, not something to wait for:
/// <see cref="Plan"/> refuses it. A .db file that cannot be read yet (a run is creating it) is tried again once the
/// file changes.
/// </summary>
public sealed class StoreDiscovery
{
    // Deep enough for runs/STUDY/x.db; shallow enough that watching a home folder stays cheap.
    private const int FolderDepth = 2;

    private readonly List<string> _folders;
    private readonly List<(string StorePath, string? Experiment)> _waiting;
    private readonly string? _experimentName;
    private readonly HashSet<string> _opened = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);

    private StoreDiscovery(List<string> folders, List<(string, string?)> waiting, string? experimentName)
    {
        _folders = folders;
        _waiting = waiting;
        _experimentName = experimentName;
    }

    /// <summary>The watched folders, as full paths.</summary>
    public IReadOnlyList<string> Folders => _folders;

    /// <summary>Stores that experiment files name and that no run has created yet.</summary>
    public IReadOnlyList<string> Waiting => _waiting.Where(w => !_opened.Contains(w.StorePath)).Select(w => w.StorePath).ToList();

    /// <summary>
    /// Checks the arguments and opens the stores that exist now (returned in argument order); folders and the
    /// stores of experiment files that have not run yet are watched by <see cref="Discover"/>.
    /// </summary>
    /// <exception cref="NasConfigurationException">A path that does not exist, a bad experiment file, or a file that is not a store.</exception>
    public static (StoreDiscovery Discovery, IReadOnlyList<ExperimentSource> Opened) Plan(IReadOnlyList<string> arguments, string? experimentName)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var folders = new List<string>();
        var waiting = new List<(string, string?)>();
        var named = new List<(string Path, string? Experiment, string Argument)>();
        foreach (var argument in arguments)
        {
            var full = Path.GetFullPath(argument);
            if (Directory.Exists(full))
            {
                folders.Add(full);
            }
            else if (!File.Exists(full))
            {
                throw new NasConfigurationException(
                    $"{argument} does not exist ({full}){Nearest(full)}. Name an experiment file (.json), a store (.db) or a folder to watch (it must exist; it may be empty).");
            }
            else if (full.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                // The experiment file is checked now; its store may come later, when `nas run` starts.
                var spec = ExperimentFile.Load(full);
                waiting.Add((spec.StorePath, experimentName ?? spec.Name));
            }
            else
            {
                named.Add((full, experimentName, argument));
            }
        }

        var discovery = new StoreDiscovery(folders, waiting, experimentName);
        var opened = new List<ExperimentSource>();
        try
        {
            foreach (var (path, experiment, argument) in named.Where(n => discovery._opened.Add(n.Path)))
            {
                opened.Add(ExperimentSource.Open(argument, experiment));
            }

            opened.AddRange(discovery.Discover());
            return (discovery, opened);
        }
        catch
        {
            opened.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>Opens the stores that have appeared since the last call: experiment files' stores first, then the folders' in path order.</summary>
    public IReadOnlyList<ExperimentSource> Discover()
    {
        var found = new List<ExperimentSource>();
        foreach (var (path, experiment) in _waiting.Where(w => !_opened.Contains(w.StorePath) && File.Exists(w.StorePath)))
        {
            TryOpen(path, experiment, found);
        }

        foreach (var folder in _folders)
        {
            foreach (var path in StoresIn(folder).Where(p => !_opened.Contains(p)))
            {
                TryOpen(path, _experimentName, found);
            }
        }

        return found;
    }

    // "; did you mean runs?" when a sibling of the missing path is a likely typo of it.
    private static string Nearest(string full)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return string.Empty;
        }

        var siblings = Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).OfType<string>().Take(1000).ToList();
        var nearest = Engine.Schemas.NearestName.Find(Path.GetFileName(full), siblings, name => [name]);
        return nearest is null ? string.Empty : $"; did you mean {Path.Combine(Path.GetDirectoryName(full) == Directory.GetCurrentDirectory() ? string.Empty : parent, nearest)}?";
    }

    private static IEnumerable<string> StoresIn(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = FolderDepth, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        return Directory.EnumerateFiles(folder, "*.db", options).Select(Path.GetFullPath).Order(StringComparer.Ordinal);
    }

    private void TryOpen(string path, string? experiment, List<ExperimentSource> found)
    {
        var written = Stamp(path);
        if (_unreadable.TryGetValue(path, out var failedAt) && failedAt == written)
        {
            return;
        }

        try
        {
            found.Add(ExperimentSource.OpenWatched(path, experiment));
            _opened.Add(path);
            _unreadable.Remove(path);
        }
        catch (Exception e) when (e is NasConfigurationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A run is creating it (no schema yet), or it is some other program's .db: tried again when it changes.
            _unreadable[path] = written;
        }
    }

    // A store in WAL mode takes its first writes into the -wal file; either file changing means "try again".
    private static string Stamp(string path)
    {
        var store = new FileInfo(path);
        var wal = new FileInfo(path + "-wal");
        return $"{store.LastWriteTimeUtc.Ticks}/{store.Length}/{(wal.Exists ? wal.LastWriteTimeUtc.Ticks : 0)}/{(wal.Exists ? wal.Length : 0)}";
    }
}
