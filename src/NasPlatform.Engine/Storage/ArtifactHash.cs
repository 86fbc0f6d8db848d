using System.Security.Cryptography;

namespace NasPlatform.Engine.Storage;

/// <summary>The SHA-256 of an artifact file, as the store records it.</summary>
public static class ArtifactHash
{
    /// <summary>
    /// Lowercase hex SHA-256 of the file at <paramref name="path"/>; null when it is not a file this
    /// machine can read (a folder, or a path on a cluster worker's machine): a trial's result is
    /// recorded whether or not its artifacts can be hashed here.
    /// </summary>
    public static string? OfFile(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
