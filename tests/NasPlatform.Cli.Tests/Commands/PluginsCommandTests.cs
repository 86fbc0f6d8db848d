using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Commands;
using NasPlatform.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Tests.Commands;

public sealed class PluginsCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("nas-plugins-cmd-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string BuiltPluginsFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "NasPlatform.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir.FullName, "artifacts", "bin", "nas", "plugins");
        }
    }

    [Fact]
    public void JsonListsLoadedPluginsWithComponentsAndFailuresWithReasons()
    {
        var broken = Directory.CreateDirectory(Path.Combine(_temp, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "plugin.json"), "{ \"id\": ");

        var exit = Run(json: true, BuiltPluginsFolder, _temp);

        Assert.Equal(ExitCodes.Success, exit);
        var doc = JObject.Parse(_out.ToString());
        var hello = Assert.Single(doc["plugins"]!, p => (string?)p["id"] == "hello");
        Assert.Equal("digits", (string?)hello["searchSpaces"]![0]!["name"]);
        Assert.Equal("object", (string?)hello["evaluators"]![0]!["optionsSchema"]!["type"]);
        var failure = Assert.Single(doc["failures"]!, f => (string?)f["path"] == broken);
        Assert.Contains("not valid JSON", (string?)failure["reason"]);
    }

    [Fact]
    public void JsonNamesTheIdOfAPluginThatFailedToLoadWhenItsManifestGivesOne()
    {
        var ghost = Directory.CreateDirectory(Path.Combine(_temp, "ghost")).FullName;
        File.WriteAllText(Path.Combine(ghost, "plugin.json"),
            """{ "id": "ghost", "version": "0.1.0", "contractVersion": "2.0", "assembly": "Ghost.dll", "description": "its assembly is missing" }""");
        var broken = Directory.CreateDirectory(Path.Combine(_temp, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "plugin.json"), "{ \"id\": ");

        Assert.Equal(ExitCodes.Success, Run(json: true, BuiltPluginsFolder, _temp));

        var failures = JObject.Parse(_out.ToString())["failures"]!;
        Assert.Equal("ghost", (string?)Assert.Single(failures, f => (string?)f["path"] == ghost)["id"]);
        Assert.Equal(JTokenType.Null, Assert.Single(failures, f => (string?)f["path"] == broken)["id"]!.Type);
    }

    [Fact]
    public void TableShowsPluginsComponentsAndFailures()
    {
        var broken = Directory.CreateDirectory(Path.Combine(_temp, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "plugin.json"), "{}");

        var exit = Run(json: false, BuiltPluginsFolder, _temp);

        Assert.Equal(ExitCodes.Success, exit);
        var text = _out.ToString();
        Assert.Contains("hello", text);
        Assert.Contains("digits", text);
        Assert.Contains("target", text);
        Assert.Contains("failed to load", text);
        Assert.Contains("required property 'id' is missing", text);
    }

    [Fact]
    public void MissingPluginsDirectoryIsBadInput()
    {
        var missing = Path.Combine(_temp, "nope");

        var exit = Run(json: false, missing);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"--plugins {missing}", _error.ToString());
        Assert.Equal(string.Empty, _out.ToString());
    }

    private int Run(bool json, params string[] pluginDirectories)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_out),
        });
        console.Profile.Width = 200;
        var command = new PluginsCommand(console, _out, _error);
        var settings = new PluginsCommand.Settings { PluginDirectories = pluginDirectories, Json = json };
        return command.Execute(new CommandContext([], EmptyRemaining.Instance, "plugins", null), settings, CancellationToken.None);
    }

    private sealed class EmptyRemaining : IRemainingArguments
    {
        public static readonly EmptyRemaining Instance = new();

        public ILookup<string, string?> Parsed { get; } = Array.Empty<string>().ToLookup(s => s, s => (string?)s);

        public IReadOnlyList<string> Raw { get; } = [];
    }
}
