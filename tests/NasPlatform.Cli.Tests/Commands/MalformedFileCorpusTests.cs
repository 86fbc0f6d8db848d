using System.Text;
using System.Text.RegularExpressions;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// The hostile-user corpus of issue 18, generated: one valid experiment file broken in every way a hand edit or a
/// disk can break it (cut short anywhere, a wrong type or value in each field, bad bytes; comments are accepted, so they are not in it). Each must be answered by
/// `nas validate` and `nas run` with exit 2 and the file's name with a line and column, never a stack trace, and no
/// run may create a store. The count is the "corrupt inputs tried" figure of docs/reliability.md.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class MalformedFileCorpusTests : IDisposable
{
    private const string Valid = """
        {
          "name": "corpus",
          "plugin": "hello",
          "searchSpace": { "name": "digits", "options": { "length": 4 } },
          "evaluator": { "name": "target", "options": { "target": "3141" } },
          "objectives": [ { "metric": "score", "direction": "maximize" } ],
          "constraints": ["sum <= 30"],
          "strategy": { "name": "random" },
          "budget": { "trials": 3 },
          "workers": 1,
          "seed": 3,
          "store": "corpus.db"
        }
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("nas-corpus-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>Every broken variant, named.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Corpus()
    {
        var text = Valid.ReplaceLineEndings("\n");
        // Cut short: every 7th byte, as a crash mid-save or a copy that stopped would leave it.
        for (var cut = 0; cut < text.Length - 2; cut += 7)
        {
            yield return ($"cut at byte {cut}", Encoding.UTF8.GetBytes(text[..cut]));
        }

        (string From, string To)[] edits =
        [
            ("\"corpus\",", "42,"), ("\"corpus\",", "\"\","), ("\"corpus\",", "\"a/b\","), ("\"hello\"", "\"helo\""), ("\"hello\"", "null"),
            ("{ \"name\": \"digits\", \"options\": { \"length\": 4 } }", "\"digits\""), ("\"length\": 4", "\"length\": \"four\""), ("\"length\": 4", "\"length\": -4"),
            ("\"length\": 4", "\"length\": 99999999999999999999999"), ("\"target\": \"3141\"", "\"target\": 3141"), ("\"target\": \"3141\"", "\"targte\": \"3141\""),
            ("\"metric\": \"score\"", "\"metric\": \"scroe\""), ("\"direction\": \"maximize\"", "\"direction\": \"up\""), ("[ { \"metric\"", "[ ] , \"x\": [ { \"metric\""),
            ("\"sum <= 30\"", "\"sum <== 30\""), ("\"sum <= 30\"", "\"summ <= 30\""), ("\"sum <= 30\"", "30"), ("\"random\"", "\"randon\""),
            ("\"trials\": 3", "\"trials\": -3"), ("\"trials\": 3", "\"trials\": 3.5"), ("\"trials\": 3", "\"trials\": 99999999999999999999999"), ("\"trials\": 3", "\"trials\": 1e400"),
            ("\"trials\": 3", "\"trails\": 3"), ("\"workers\": 1", "\"workers\": 0"), ("\"workers\": 1", "\"workers\": \"1\""), ("\"seed\": 3", "\"seed\": 3.7"),
            ("\"seed\": 3", "\"seed\": 99999999999999999999"), ("\"seed\": 3", "\"seed\": 3, \"seed\": 4"), ("\"store\": \"corpus.db\"", "\"store\": \"\""),
            ("\"store\": \"corpus.db\"", "\"store\": \"corpus.db\", \"extra\": true"), ("\"workers\": 1,", "\"workers\": 1,,"),
            ("\"corpus.db\"\n}", "\"corpus.db\"\n}}"), ("{\n  \"name\"", "[\n  \"name\""), ("\"budget\": { \"trials\": 3 },", "\"budget\": { },"), ("\"budget\": { \"trials\": 3 },", string.Empty),
        ];
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            yield return ($"{from} -> {to}", Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var nameAt = text.IndexOf("corpus", StringComparison.Ordinal);
        yield return ("invalid UTF-8 in the name", [.. bytes[..nameAt], 0xC3, 0x28, .. bytes[nameAt..]]);
        yield return ("a NUL byte", [.. bytes[..nameAt], 0x00, .. bytes[nameAt..]]);
        yield return ("UTF-16 instead of UTF-8", Encoding.Unicode.GetBytes(text));
        yield return ("empty file", []);
        yield return ("only whitespace", Encoding.UTF8.GetBytes("  \n\n  "));
        yield return ("random bytes", [.. Enumerable.Range(0, 200).Select(i => (byte)(i * 37 % 251))]);
    }

    [Fact]
    public void Every_broken_file_gets_exit_2_with_its_line_and_column_and_no_run_creates_a_store()
    {
        var failures = new List<string>();
        var tried = 0;
        foreach (var (name, bytes) in Corpus())
        {
            var file = Path.Combine(_work, "corpus.json");
            File.WriteAllBytes(file, bytes);
            foreach (var command in new[] { "validate", "run" })
            {
                tried++;
                var (code, _, error) = CliRunner.Run(command, file, "--plugins", RepoPaths.Plugins);
                if (code != ExitCodes.BadInput || !Located(file).IsMatch(error) || error.Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"{command} [{name}]: exit {code}: {error.Trim()}");
                }
            }

            if (Directory.EnumerateFileSystemEntries(_work).Any(e => Path.GetFileName(e) != "corpus.json"))
            {
                failures.Add($"run [{name}] left {string.Join(", ", Directory.EnumerateFileSystemEntries(_work).Select(Path.GetFileName))}");
                foreach (var entry in Directory.EnumerateFileSystemEntries(_work).Where(e => Path.GetFileName(e) != "corpus.json"))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.True(tried >= 150, $"only {tried} tried");
    }

    private static Regex Located(string file) => new($"{Regex.Escape(file)}:\\d+:\\d+");
}
