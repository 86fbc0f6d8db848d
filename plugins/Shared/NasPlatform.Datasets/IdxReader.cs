using System.Buffers.Binary;
using System.IO.Compression;

namespace NasPlatform.Datasets;

/// <summary>
/// Reads IDX files (http://yann.lecun.com/exdb/mnist/): two zero bytes, a type code, the number of
/// dimensions, each dimension as a big-endian int32, then the values. Plain or gzip-compressed (detected by
/// the gzip magic bytes, not the file name). Only unsigned-byte data (type 0x08) is supported, which is what
/// MNIST and Fashion-MNIST use.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;

    public static IdxFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file {path} does not exist.", path);
        }

        using var file = File.OpenRead(path);
        var gzip = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            return Read(stream, path);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("IDX file", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"IDX file {path}: the gzip stream is corrupt ({e.Message}).", e);
        }
    }

    /// <summary>Reads an uncompressed IDX stream; <paramref name="path"/> names it in error messages.</summary>
    public static IdxFile Read(Stream stream, string path)
    {
        Span<byte> header = stackalloc byte[4];
        if (!ReadFully(stream, header))
        {
            throw Error(path, "it is shorter than the 4-byte header (is it an IDX file?)");
        }

        if (header[0] != 0 || header[1] != 0)
        {
            throw Error(path, $"the magic number starts with 0x{header[0]:x2}{header[1]:x2}, not 0x0000 (is it an IDX file?)");
        }

        if (header[2] != UnsignedByteType)
        {
            throw Error(path, $"the data type is 0x{header[2]:x2} ({TypeName(header[2])}); only unsigned bytes (0x08) are supported");
        }

        int rank = header[3];
        if (rank == 0)
        {
            throw Error(path, "the header declares 0 dimensions");
        }

        var dimensions = new int[rank];
        Span<byte> word = stackalloc byte[4];
        long total = 1;
        for (var d = 0; d < rank; d++)
        {
            if (!ReadFully(stream, word))
            {
                throw Error(path, $"it ends inside the header, at dimension {d + 1} of {rank}");
            }

            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(word);
            if (dimensions[d] < 0)
            {
                throw Error(path, $"dimension {d + 1} is negative ({dimensions[d]})");
            }

            total *= dimensions[d];
            if (total > Array.MaxLength)
            {
                throw Error(path, $"the dimensions {string.Join(" x ", dimensions[..(d + 1)])} hold more values than an array can");
            }
        }

        var values = new byte[total];
        var read = ReadAtMost(stream, values);
        if (read < total)
        {
            throw Error(path, $"the header declares {string.Join(" x ", dimensions)} = {total} values but the file holds only {read} (truncated download?)");
        }

        if (stream.ReadByte() >= 0)
        {
            throw Error(path, $"there are bytes after the {total} values the header declares ({string.Join(" x ", dimensions)})");
        }

        return new IdxFile(path, dimensions, values);
    }

    private static InvalidDataException Error(string path, string what) => new($"IDX file {path}: {what}.");

    private static string TypeName(byte code) => code switch
    {
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "unknown type",
    };

    private static bool ReadFully(Stream stream, Span<byte> buffer) => ReadAtMost(stream, buffer) == buffer.Length;

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
