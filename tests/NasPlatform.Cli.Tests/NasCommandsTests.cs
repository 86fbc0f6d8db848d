using NasPlatform.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Tests;

/// <summary>Every help page shows examples, and every example parses as the command line it claims to be.</summary>
public sealed class NasCommandsTests
{
    [Fact]
    public void Every_command_help_shows_an_example_and_every_example_parses()
    {
        var commands = new CommandTable();
        new CommandApp().Configure(config => NasCommands.Configure(config, commands));
        var leaves = Leaves(commands).ToList();
        // The host's own commands; plugins add theirs (`nas eda dataset`) at run time.
        Assert.Equal(15, leaves.Count);

        foreach (var path in leaves)
        {
            var (code, help) = Help([.. path.Split(' ').Skip(1), "--help"]);

            Assert.True(code == ExitCodes.Success, help);
            Assert.Contains("EXAMPLES:", help, StringComparison.Ordinal);
            Assert.Contains(path + " ", help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_host_command_names_that_keep_plugins_unloaded_are_exactly_the_configured_ones()
    {
        var commands = new CommandTable();
        new CommandApp().Configure(config => NasCommands.Configure(config, commands));

        Assert.Equal(commands.Children.Select(c => c.Name).Order(StringComparer.Ordinal), NasCommands.HostCommands.Order(StringComparer.Ordinal));
    }

    /// <summary>The help page for <paramref name="args"/>, with Spectre checking (strictly) that every example parses.</summary>
    private static (int Code, string Help) Help(string[] args)
    {
        using var writer = new StringWriter();
        var app = new CommandApp();
        app.Configure(config =>
        {
            NasCommands.Configure(config, new CommandTable());
            config.Settings.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
            config.ValidateExamples();
            config.PropagateExceptions();
        });
        var code = app.Run(args);
        return (code, writer.ToString());
    }

    private static IEnumerable<string> Leaves(CommandTable table) =>
        table.IsBranch ? table.Children.SelectMany(Leaves) : [table.Path];
}
