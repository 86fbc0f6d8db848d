using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace NasPlatform.Engine.Schemas;

/// <summary>
/// Decodes the files people write (experiment files, plugin manifests) as UTF-8, strictly: a lenient
/// decoder turns a stray byte into U+FFFD, which then fails as a bad name or an unknown component
/// instead of as the encoding problem it is. A UTF-8 byte order mark is skipped; text with a UTF-16
/// or UTF-32 byte order mark is decoded in that encoding, as <see cref="File.ReadAllText(string)"/> does.
/// </summary>
public static class Utf8Text
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Decodes <paramref name="bytes"/>; on invalid UTF-8 returns false with the first bad byte's place.</summary>
    public static bool TryDecode(byte[] bytes, out string text, out SchemaProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        problem = null;
        if (HasUnicodeBom(bytes))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
            return true;
        }

        var start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var body = bytes.AsSpan(start);
        var chars = new char[body.Length];
        if (Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            text = new string(chars, 0, written);
            return true;
        }

        text = string.Empty;
        problem = Invalid(bytes, start + read);
        return false;
    }

    private static SchemaProblem Invalid(byte[] bytes, int offset)
    {
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, offset - 1), offset) + 1;
        var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
        var column = 1 + Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"not valid UTF-8 at byte offset {offset} (line {line}): byte 0x{bytes[offset]:X2} cannot start or continue a character here; save the file as UTF-8 (or fix that character)");
        return new SchemaProblem(string.Empty, line, column, message);
    }

    private static bool HasUnicodeBom(byte[] bytes) =>
        bytes is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..];
}
