using System.Text.RegularExpressions;

namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>Finds psi4's own error line in its output: the exception line that ends a Python traceback.</summary>
public static partial class Psi4ErrorLine
{
    /// <summary>
    /// The last unindented "module.ExceptionName: message" line of <paramref name="output"/>, without the
    /// module path ("BasisSetNotFound: BasisSet::construct: Unable to find a basis set for atom 1 …",
    /// "NotAnElementError: Xq"); else the last non-empty line; null for empty output.
    /// </summary>
    public static string? Find(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var match = ExceptionLine().Match(lines[i]);
            if (match.Success)
            {
                return match.Groups["name"].Value + ": " + match.Groups["message"].Value.Trim();
            }
        }

        return lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim();
    }

    [GeneratedRegex(@"^(?:[A-Za-z_]\w*\.)*(?<name>[A-Za-z_]\w*(?:Error|Exception|NotFound|Failure|Interrupt)\w*): (?<message>.+)$")]
    private static partial Regex ExceptionLine();
}
