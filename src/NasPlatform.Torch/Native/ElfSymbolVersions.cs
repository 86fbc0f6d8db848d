using System.Buffers.Binary;
using System.Text;

namespace NasPlatform.Torch.Native;

/// <summary>
/// Reads what the dynamic loader checks out of a 64-bit little-endian ELF shared library: the libraries
/// it links against (DT_NEEDED), the symbol versions it needs from them (<c>.gnu.version_r</c>) and the
/// versions it defines itself (<c>.gnu.version_d</c>).
/// Only section headers and the few sections involved are read, so multi-hundred-MB libraries are cheap.
/// </summary>
internal sealed class ElfSymbolVersions
{
    private const uint ShtDynamic = 6;
    private const uint ShtDynsym = 11;
    private const long DtNeeded = 1;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlagBase = 1;

    private ElfSymbolVersions(IReadOnlyList<string> needed, IReadOnlyList<VersionRequirement> requirements, IReadOnlySet<string> definitions)
    {
        Needed = needed;
        Requirements = requirements;
        Definitions = definitions;
    }

    /// <summary>The libraries this one links against (DT_NEEDED sonames), in link order.</summary>
    public IReadOnlyList<string> Needed { get; }

    /// <summary>Versions this library needs, per library file (soname) that must provide them.</summary>
    public IReadOnlyList<VersionRequirement> Requirements { get; }

    /// <summary>Versions this library provides (e.g. GLIBCXX_3.4.30), without its base (soname) entry.</summary>
    public IReadOnlySet<string> Definitions { get; }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InvalidDataException"/> when it is not a 64-bit little-endian ELF file.</summary>
    public static ElfSymbolVersions Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var header = ReadAt(stream, 0, 64);
        if (header.Length < 64 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F')
            throw new InvalidDataException($"{path}: not an ELF file");
        if (header[4] != 2 || header[5] != 1)
            throw new InvalidDataException($"{path}: only 64-bit little-endian ELF files are supported");

        var sectionOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(0x28));
        var sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3A));
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3C));
        var table = ReadAt(stream, sectionOffset, sectionSize * sectionCount);
        var sections = Enumerable.Range(0, sectionCount)
            .Select(i => Section.Parse(table.AsSpan(i * sectionSize, sectionSize)))
            .ToArray();

        var needed = new List<string>();
        var dynamic = sections.FirstOrDefault(s => s.Type == ShtDynamic);
        if (dynamic is not null)
            needed.AddRange(ReadNeeded(stream, sections, dynamic));
        var requirements = new List<VersionRequirement>();
        var definitions = new HashSet<string>(StringComparer.Ordinal);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        if (verneed is not null)
            requirements.AddRange(ReadRequirements(stream, sections, verneed));
        var verdef = sections.FirstOrDefault(s => s.Type == ShtGnuVerdef);
        if (verdef is not null)
            definitions.UnionWith(ReadDefinitions(stream, sections, verdef));
        return new ElfSymbolVersions(needed, requirements, definitions);
    }

    private static List<string> ReadNeeded(FileStream stream, Section[] sections, Section dynamic)
    {
        var data = ReadAt(stream, dynamic.Offset, dynamic.Size);
        var strings = LinkedStrings(stream, sections, dynamic);
        var result = new List<string>();
        for (var entry = 0; entry + 16 <= data.Length; entry += 16)
        {
            var tag = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(entry));
            if (tag == 0) break;
            if (tag == DtNeeded)
                result.Add(CString(strings, (uint)BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(entry + 8))));
        }
        return result;
    }

    private static List<VersionRequirement> ReadRequirements(FileStream stream, Section[] sections, Section verneed)
    {
        var data = ReadAt(stream, verneed.Offset, verneed.Size);
        var strings = LinkedStrings(stream, sections, verneed);
        var symbolsByIndex = UndefinedSymbolsByVersionIndex(stream, sections);

        var result = new List<VersionRequirement>();
        var entry = 0;
        for (var i = 0; i < verneed.Info && entry + 16 <= data.Length; i++)
        {
            var span = data.AsSpan(entry);
            var count = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
            var file = CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(span[4..]));
            var aux = entry + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
            var versions = new List<RequiredVersion>();
            for (var j = 0; j < count && aux + 16 <= data.Length; j++)
            {
                var auxSpan = data.AsSpan(aux);
                var index = BinaryPrimitives.ReadUInt16LittleEndian(auxSpan[6..]) & 0x7fff;
                var name = CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(auxSpan[8..]));
                versions.Add(new RequiredVersion(name, symbolsByIndex.GetValueOrDefault(index) ?? []));
                var nextAux = BinaryPrimitives.ReadUInt32LittleEndian(auxSpan[12..]);
                if (nextAux == 0) break;
                aux += (int)nextAux;
            }
            result.Add(new VersionRequirement(file, versions));
            var next = BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
            if (next == 0) break;
            entry += (int)next;
        }
        return result;
    }

    private static List<string> ReadDefinitions(FileStream stream, Section[] sections, Section verdef)
    {
        var data = ReadAt(stream, verdef.Offset, verdef.Size);
        var strings = LinkedStrings(stream, sections, verdef);
        var result = new List<string>();
        var entry = 0;
        for (var i = 0; i < verdef.Info && entry + 20 <= data.Length; i++)
        {
            var span = data.AsSpan(entry);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
            var aux = entry + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
            if ((flags & VerFlagBase) == 0 && aux + 8 <= data.Length)
                result.Add(CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(aux))));
            var next = BinaryPrimitives.ReadUInt32LittleEndian(span[16..]);
            if (next == 0) break;
            entry += (int)next;
        }
        return result;
    }

    // Which undefined dynamic symbols bind to each needed-version index, so a missing version can be
    // explained by the functions that need it.
    private static Dictionary<int, List<string>> UndefinedSymbolsByVersionIndex(FileStream stream, Section[] sections)
    {
        var result = new Dictionary<int, List<string>>();
        var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (dynsym is null || versym is null || dynsym.EntrySize < 24)
            return result;

        var symbols = ReadAt(stream, dynsym.Offset, dynsym.Size);
        var strings = LinkedStrings(stream, sections, dynsym);
        var indices = ReadAt(stream, versym.Offset, versym.Size);
        var count = Math.Min(symbols.Length / (int)dynsym.EntrySize, indices.Length / 2);
        for (var i = 1; i < count; i++)
        {
            var symbol = symbols.AsSpan(i * (int)dynsym.EntrySize);
            var sectionIndex = BinaryPrimitives.ReadUInt16LittleEndian(symbol[6..]);
            if (sectionIndex != 0) continue;
            var index = BinaryPrimitives.ReadUInt16LittleEndian(indices.AsSpan(i * 2)) & 0x7fff;
            if (index < 2) continue;
            var name = CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(symbol));
            if (!result.TryGetValue(index, out var names))
                result[index] = names = [];
            names.Add(name);
        }
        return result;
    }

    private static byte[] LinkedStrings(FileStream stream, Section[] sections, Section section)
    {
        if (section.Link <= 0 || section.Link >= sections.Length)
            throw new InvalidDataException($"{stream.Name}: corrupt ELF section link");
        return ReadAt(stream, sections[section.Link].Offset, sections[section.Link].Size);
    }

    private static byte[] ReadAt(FileStream stream, long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > stream.Length)
            throw new InvalidDataException($"{stream.Name}: truncated or corrupt ELF file");
        var buffer = new byte[length];
        stream.Position = offset;
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static string CString(byte[] table, uint offset)
    {
        if (offset >= table.Length) return "";
        var end = Array.IndexOf(table, (byte)0, (int)offset);
        return Encoding.ASCII.GetString(table, (int)offset, (end < 0 ? table.Length : end) - (int)offset);
    }

    private sealed record Section(uint Type, long Offset, long Size, int Link, uint Info, long EntrySize)
    {
        public static Section Parse(ReadOnlySpan<byte> header) => new(
            Type: BinaryPrimitives.ReadUInt32LittleEndian(header[4..]),
            Offset: (long)BinaryPrimitives.ReadUInt64LittleEndian(header[24..]),
            Size: (long)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]),
            Link: (int)BinaryPrimitives.ReadUInt32LittleEndian(header[40..]),
            Info: BinaryPrimitives.ReadUInt32LittleEndian(header[44..]),
            EntrySize: (long)BinaryPrimitives.ReadUInt64LittleEndian(header[56..]));
    }
}
