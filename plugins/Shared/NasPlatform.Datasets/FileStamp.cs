using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NasPlatform.Datasets;

/// <summary>
/// A short fingerprint of a file or folder's contents as the file system describes them (each file's path,
/// length and last write time), for the key under which a plugin caches what it read from them: an edited,
/// added or removed file changes the stamp, so the next run reads the data afresh instead of a stale copy.
/// </summary>
public static class FileStamp
{
    /// <summary>
    /// Hex SHA-256 (16 characters) of the full path of <paramref name="path"/> and, for a file, its length and
    /// write time; for a folder, those of every file below it. "missing" when neither exists.
    /// </summary>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var text = new StringBuilder(full).Append('\n');
        if (File.Exists(full))
        {
            Append(text, new FileInfo(full), full);
        }
        else if (Directory.Exists(full))
        {
            foreach (var file in new DirectoryInfo(full).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                Append(text, file, full);
            }
        }
        else
        {
            return "missing";
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    private static void Append(StringBuilder text, FileInfo file, string root) =>
        text.Append(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(root, file.FullName)}|{file.Length}|{file.LastWriteTimeUtc.Ticks}\n");
}
