using System.Globalization;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Storage;

/// <summary>
/// Whether a store's files may be written, decided before SQLite opens them: SQLite opens a file it
/// may not write read-only without a word and fails at the first write ("attempt to write a readonly
/// database"), and a read-only open of a WAL store leaves a -shm file behind with the store's own
/// read-only mode, which would keep the store read-only after the user makes it writable again.
/// </summary>
internal static class StoreAccess
{
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>
    /// The store file and those of its WAL files (-wal, -shm) that exist and may not be written, each
    /// with why, as seen now (SQLite may change a mode once it opens them); empty when all may be written.
    /// </summary>
    public static IReadOnlyList<(string Path, string Reason)> ReadOnlyFiles(string storePath) =>
        new[] { storePath, storePath + "-wal", storePath + "-shm" }
            .Where(f => File.Exists(f) && !Writable(f))
            .Select(f => (f, Reason(f == storePath ? "its file" : Path.GetFileName(f), f)))
            .ToList();

    /// <summary>
    /// Whether nobody can be writing the store: no write bit on its file and no committed data
    /// waiting in its -wal. SQLite may then read it as immutable, which creates no -shm or -wal.
    /// </summary>
    public static bool Frozen(string storePath)
    {
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(storePath) & AnyWrite) != 0)
        {
            return false;
        }

        var wal = new FileInfo(storePath + "-wal");
        return !wal.Exists || wal.Length == 0;
    }

    /// <summary>
    /// The SQLite URI that reads <paramref name="storePath"/> as immutable (see <see cref="Frozen"/>); every
    /// path segment percent-encoded, since '?', '#' and '%' mean something in a URI.
    /// </summary>
    public static string ImmutableUri(string storePath) =>
        "file:" + string.Join('/', storePath.Split('/').Select(Uri.EscapeDataString)) + "?immutable=1";

    /// <summary>The message for a command that must write a store whose <paramref name="files"/> (from <see cref="ReadOnlyFiles"/>) are read-only.</summary>
    public static string ReadOnlyMessage(string storePath, IReadOnlyList<(string Path, string Reason)> files)
    {
        var reasons = string.Join("; ", files.Select(f => f.Reason));
        return $"Store '{storePath}' is read-only ({reasons}), but this command must write to it. "
               + $"Make it writable: chmod u+w {string.Join(' ', files.Select(f => ShellWords.Quote(f.Path)))}, or copy it somewhere writable and use the copy. "
               + "Commands that only read it (nas status, export, report, and run or resume of a finished experiment) work as it is.";
    }

    // Root passes every access check whatever the mode, so for root a store is read-only when its
    // mode grants nobody write access: someone made it so (chmod a-w) on purpose, and root keeps it.
    private static bool Writable(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return !new FileInfo(file).IsReadOnly;
        }

        return Environment.IsPrivilegedProcess
            ? (File.GetUnixFileMode(file) & AnyWrite) != 0
            : !new FileInfo(file).IsReadOnly;
    }

    private static string Reason(string name, string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return $"{name} is marked read-only";
        }

        var mode = File.GetUnixFileMode(file);
        var octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
        return (mode & AnyWrite) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name} has mode {octal}, which lets nobody write it")
            : string.Create(CultureInfo.InvariantCulture, $"{name} has mode {octal}, and this user may not write it");
    }
}
