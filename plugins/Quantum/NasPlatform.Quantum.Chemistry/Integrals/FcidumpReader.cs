using System.Globalization;

namespace NasPlatform.Quantum.Chemistry.Integrals;

/// <summary>
/// Reads an FCIDUMP (Knowles &amp; Handy, Comput. Phys. Commun. 54, 75 (1989)) as written by psi4's
/// <c>fcidump(wfn, file)</c>, PySCF's <c>tools.fcidump</c>, Molpro and ORCA: the &amp;FCI namelist, then one
/// integral per line, <c>value i j k l</c> with 1-based orbitals: <c>i j k l</c> all non-zero for (ij|kl)
/// (any one of its 8 symmetric copies; repeated copies must agree), <c>i j 0 0</c> for h_ij, <c>i 0 0 0</c>
/// for an orbital energy (ignored), <c>0 0 0 0</c> for the core energy (nuclear repulsion, frozen core).
/// Integrals not listed are zero. Fortran exponents (1.0D-03) are accepted. Restricted orbitals only.
/// </summary>
public static class FcidumpReader
{
    /// <summary>Two copies of one integral further apart than this are an error.</summary>
    public const double SymmetryTolerance = 1e-8;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">Names the integrals in descriptions and errors (default: the path).</param>
    /// <exception cref="FcidumpFormatException">The file is malformed (the message names file and line).</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static MolecularIntegrals Read(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The FCIDUMP file {path} does not exist.", path);
        }

        return Parse(File.ReadAllLines(path), name ?? path);
    }

    /// <summary>Parses FCIDUMP text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="FcidumpFormatException">The text is malformed.</exception>
    public static MolecularIntegrals Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray(), source);
    }

    private static MolecularIntegrals Parse(IReadOnlyList<string> lines, string source)
    {
        var header = FcidumpHeader.Parse(lines, source);
        var n = header.NumOrbitals;
        var one = new double[n * n];
        var two = new double[n * n * n * n];
        var seenOne = new int[n * n];
        var seenTwo = new int[n * n * n * n];
        double? core = null;
        var coreLine = 0;
        Span<int> idx = stackalloc int[4];
        for (var index = header.BodyStart; index < lines.Count; index++)
        {
            var lineNumber = index + 1;
            var fields = lines[index].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length != 5)
            {
                throw new FcidumpFormatException(source, lineNumber, $"expected \"value i j k l\" (5 fields), found {fields.Length}: \"{lines[index].Trim()}\".");
            }

            var value = ParseValue(fields[0], source, lineNumber);
            for (var f = 0; f < 4; f++)
            {
                idx[f] = ParseIndex(fields[f + 1], n, source, lineNumber);
            }

            var (i, j, k, l) = (idx[0] - 1, idx[1] - 1, idx[2] - 1, idx[3] - 1);
            if (i >= 0 && j >= 0 && k >= 0 && l >= 0)
            {
                foreach (var (a, b, c, d) in Permutations(i, j, k, l))
                {
                    Store(two, seenTwo, ((a * n + b) * n + c) * n + d, value, source, lineNumber, $"({i + 1} {j + 1}|{k + 1} {l + 1})");
                }
            }
            else if (i >= 0 && j >= 0 && k < 0 && l < 0)
            {
                Store(one, seenOne, i * n + j, value, source, lineNumber, $"h({i + 1},{j + 1})");
                Store(one, seenOne, j * n + i, value, source, lineNumber, $"h({i + 1},{j + 1})");
            }
            else if (i >= 0 && j < 0 && k < 0 && l < 0)
            {
                // An orbital energy (psi4's oe_ints=['EIGENVALUES'], HANDE): not part of the Hamiltonian.
            }
            else if (i < 0 && j < 0 && k < 0 && l < 0)
            {
                if (core is not null)
                {
                    throw new FcidumpFormatException(source, lineNumber, $"a second core-energy line \"0 0 0 0\" (the first is on line {coreLine}); restricted FCIDUMPs have one.");
                }

                core = value;
                coreLine = lineNumber;
            }
            else
            {
                throw new FcidumpFormatException(source, lineNumber, $"indices {i + 1} {j + 1} {k + 1} {l + 1} fit no integral kind; use i j k l (two-electron), i j 0 0 (one-electron), i 0 0 0 (orbital energy) or 0 0 0 0 (core energy).");
            }
        }

        return new MolecularIntegrals(n, header.NumElectrons, header.SpinTwice, core ?? 0.0, one, two, header.OrbitalSymmetries, source);
    }

    private static IEnumerable<(int, int, int, int)> Permutations(int i, int j, int k, int l)
    {
        yield return (i, j, k, l);
        yield return (j, i, k, l);
        yield return (i, j, l, k);
        yield return (j, i, l, k);
        yield return (k, l, i, j);
        yield return (l, k, i, j);
        yield return (k, l, j, i);
        yield return (l, k, j, i);
    }

    private static void Store(double[] target, int[] seen, int position, double value, string source, int line, string what)
    {
        if (seen[position] != 0 && Math.Abs(target[position] - value) > SymmetryTolerance * Math.Max(1.0, Math.Abs(value)))
        {
            throw new FcidumpFormatException(source, line, string.Create(CultureInfo.InvariantCulture,
                $"{what} = {value:R} contradicts {target[position]:R} given for a symmetric copy on line {seen[position]}; real orbitals need (ij|kl) = (ji|kl) = (kl|ij) and h_ij = h_ji."));
        }

        target[position] = value;
        seen[position] = line;
    }

    private static double ParseValue(string text, string source, int line)
    {
        var normalized = text.Replace('D', 'E').Replace('d', 'e');
        if (!double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FcidumpFormatException(source, line, $"\"{text}\" is not a finite number (the first field is the integral's value).");
        }

        return value;
    }

    private static int ParseIndex(string text, int numOrbitals, string source, int line)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > numOrbitals)
        {
            throw new FcidumpFormatException(source, line, $"orbital index \"{text}\" is not an integer from 0 to NORB={numOrbitals}.");
        }

        return index;
    }
}
