using System.Globalization;
using System.Text.RegularExpressions;

namespace NasPlatform.Quantum.Chemistry.Integrals;

/// <summary>
/// The namelist that opens an FCIDUMP: <c>&amp;FCI NORB=6, NELEC=4, MS2=0, ORBSYM=1,1,…, ISYM=1, &amp;END</c>,
/// over one line or many, closed by <c>&amp;END</c>, <c>$END</c> or <c>/</c> (psi4, PySCF, Molpro, ORCA).
/// Keys other than NORB, NELEC, MS2, ORBSYM, ISYM and UHF/IUHF are ignored.
/// </summary>
internal sealed partial class FcidumpHeader
{
    public required int NumOrbitals { get; init; }

    public required int NumElectrons { get; init; }

    public required int SpinTwice { get; init; }

    public required IReadOnlyList<int> OrbitalSymmetries { get; init; }

    public required int StateSymmetry { get; init; }

    /// <summary>Index of the first line after the header.</summary>
    public required int BodyStart { get; init; }

    /// <summary>Parses the header of <paramref name="lines"/>.</summary>
    public static FcidumpHeader Parse(IReadOnlyList<string> lines, string source)
    {
        var first = 0;
        while (first < lines.Count && lines[first].Trim().Length == 0)
        {
            first++;
        }

        if (first == lines.Count || !lines[first].TrimStart().StartsWith("&FCI", StringComparison.OrdinalIgnoreCase))
        {
            throw new FcidumpFormatException(source, Math.Min(first, lines.Count - 1) + 1, "an FCIDUMP starts with the namelist \"&FCI NORB=…, NELEC=…, MS2=…, &END\"; this is not one.");
        }

        // key -> (values, line)
        var entries = new Dictionary<string, (List<string> Values, int Line)>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        for (var index = first; index < lines.Count; index++)
        {
            var text = lines[index];
            if (index == first)
            {
                text = text.TrimStart()[4..];
            }

            var end = EndMarker().Match(text);
            var body = end.Success ? text[..end.Index] : text;
            foreach (Match token in Token().Matches(body))
            {
                if (token.Groups["key"].Success)
                {
                    current = token.Groups["key"].Value.ToUpperInvariant();
                    entries[current] = ([], index + 1);
                }
                else if (current is null)
                {
                    throw new FcidumpFormatException(source, index + 1, $"value \"{token.Value}\" comes before any KEY= in the &FCI namelist.");
                }
                else
                {
                    entries[current].Values.Add(token.Value);
                }
            }

            if (end.Success)
            {
                return Build(entries, source, index + 1, index + 1);
            }
        }

        var last = lines.Count;
        while (last > 1 && lines[last - 1].Trim().Length == 0)
        {
            last--;
        }

        throw new FcidumpFormatException(source, last, "the &FCI namelist is never closed; end it with &END (or /).");
    }

    private static FcidumpHeader Build(Dictionary<string, (List<string> Values, int Line)> entries, string source, int endLine, int bodyStart)
    {
        if (entries.TryGetValue("UHF", out var uhf) && uhf.Values.Count > 0 && uhf.Values[0].Trim('.').StartsWith('T'))
        {
            throw new FcidumpFormatException(source, uhf.Line, "UHF=.TRUE.: unrestricted (spin-orbital) integrals are not supported; write the FCIDUMP from restricted (RHF or ROHF) orbitals.");
        }

        if (entries.TryGetValue("IUHF", out var iuhf) && iuhf.Values.Count > 0 && iuhf.Values[0] != "0")
        {
            throw new FcidumpFormatException(source, iuhf.Line, "IUHF is set: unrestricted (spin-orbital) integrals are not supported; write the FCIDUMP from restricted (RHF or ROHF) orbitals.");
        }

        var norb = Integer(entries, "NORB", source, endLine, null);
        if (norb < 1 || norb > MolecularIntegrals.MaxOrbitals)
        {
            throw new FcidumpFormatException(source, entries["NORB"].Line, $"NORB={norb}; this reader takes 1 to {MolecularIntegrals.MaxOrbitals} orbitals.");
        }

        var nelec = Integer(entries, "NELEC", source, endLine, null);
        var ms2 = Integer(entries, "MS2", source, endLine, 0);
        var isym = Integer(entries, "ISYM", source, endLine, 1);
        var orbsym = new List<int>();
        if (entries.TryGetValue("ORBSYM", out var sym))
        {
            foreach (var value in sym.Values)
            {
                orbsym.Add(ParseInteger(value, "ORBSYM", source, sym.Line));
            }

            if (orbsym.Count != norb)
            {
                throw new FcidumpFormatException(source, sym.Line, $"ORBSYM has {orbsym.Count} entries but NORB={norb}; give one irrep label per orbital.");
            }
        }

        if (nelec < 0 || nelec > 2 * norb || Math.Abs(ms2) > nelec || ((nelec + ms2) & 1) != 0 || (nelec + Math.Abs(ms2)) / 2 > norb)
        {
            throw new FcidumpFormatException(source, entries["NELEC"].Line, $"NELEC={nelec} with MS2={ms2} does not fit NORB={norb} orbitals (each spin holds at most NORB electrons; NELEC and MS2 have the same parity).");
        }

        return new FcidumpHeader
        {
            NumOrbitals = norb,
            NumElectrons = nelec,
            SpinTwice = ms2,
            OrbitalSymmetries = orbsym,
            StateSymmetry = isym,
            BodyStart = bodyStart,
        };
    }

    private static int Integer(Dictionary<string, (List<string> Values, int Line)> entries, string key, string source, int endLine, int? fallback)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return fallback ?? throw new FcidumpFormatException(source, endLine, $"the &FCI namelist has no {key}=; it needs NORB and NELEC.");
        }

        if (entry.Values.Count != 1)
        {
            throw new FcidumpFormatException(source, entry.Line, $"{key} needs exactly one integer value, found {entry.Values.Count}.");
        }

        return ParseInteger(entry.Values[0], key, source, entry.Line);
    }

    private static int ParseInteger(string text, string key, string source, int line) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FcidumpFormatException(source, line, $"{key} value \"{text}\" is not an integer.");

    /// <summary>&amp;END, $END or a lone / closing the namelist.</summary>
    [GeneratedRegex(@"(&END|\$END|(?<![\w.])/)", RegexOptions.IgnoreCase)]
    private static partial Regex EndMarker();

    /// <summary>A KEY= or a value (anything between commas and blanks).</summary>
    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*=|[^\s,=]+")]
    private static partial Regex Token();
}
