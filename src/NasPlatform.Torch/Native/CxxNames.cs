using System.Text;

namespace NasPlatform.Torch.Native;

/// <summary>
/// Turns simple Itanium-mangled C++ names (<c>_ZSt21ios_base_library_initv</c>) into readable ones
/// (<c>std::ios_base_library_init()</c>) for error messages. Names it does not fully understand
/// (templates, substitutions, operators) are returned unchanged: a raw name beats a wrong one.
/// </summary>
internal static class CxxNames
{
    public static string Demangle(string mangled)
    {
        if (!mangled.StartsWith("_Z", StringComparison.Ordinal))
            return mangled;
        var position = 2;
        var parts = new List<string>();
        if (At(mangled, position, "N"))
        {
            position++;
            while (position < mangled.Length && "KVr".Contains(mangled[position]))
                position++;
            if (At(mangled, position, "St"))
            {
                parts.Add("std");
                position += 2;
            }
            while (position < mangled.Length && mangled[position] != 'E')
            {
                if (!TryReadPart(mangled, ref position, parts))
                    return mangled;
            }
            if (position >= mangled.Length || parts.Count == 0)
                return mangled;
            position++;
        }
        else
        {
            if (At(mangled, position, "St"))
            {
                parts.Add("std");
                position += 2;
            }
            if (!TryReadSourceName(mangled, ref position, out var name))
                return mangled;
            parts.Add(name);
        }

        var parameters = mangled[position..];
        var text = new StringBuilder(string.Join("::", parts));
        text.Append(parameters switch
        {
            "" => "",
            "v" => "()",
            _ => "(...)",
        });
        return text.ToString();
    }

    private static bool TryReadPart(string mangled, ref int position, List<string> parts)
    {
        // Constructors and destructors repeat the enclosing class name.
        if (position + 1 < mangled.Length && (mangled[position] is 'C' or 'D') && char.IsDigit(mangled[position + 1]))
        {
            var className = parts.Count > 0 ? parts[^1] : "";
            parts.Add(mangled[position] == 'C' ? className : "~" + className);
            position += 2;
            return className.Length > 0;
        }
        if (!TryReadSourceName(mangled, ref position, out var name))
            return false;
        parts.Add(name);
        return true;
    }

    private static bool TryReadSourceName(string mangled, ref int position, out string name)
    {
        name = "";
        var start = position;
        while (position < mangled.Length && char.IsDigit(mangled[position]))
            position++;
        if (position == start || !int.TryParse(mangled.AsSpan(start, position - start), out var length)
            || length <= 0 || position + length > mangled.Length)
            return false;
        name = mangled.Substring(position, length);
        position += length;
        return true;
    }

    private static bool At(string text, int position, string expected) =>
        string.CompareOrdinal(text, position, expected, 0, expected.Length) == 0;
}
