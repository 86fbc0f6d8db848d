using System.Reflection;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Infrastructure;

/// <summary>
/// Typos are caught instead of silently doing the default: an unknown option or command is bad input (exit 2) with
/// the nearest valid name; <c>--version</c> and a bare <c>nas</c> behave as a command-line tool's should.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class StrictParsingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    // Files that do not exist: without strict parsing the command would run (and fail on the file) instead of stopping.
    [Theory]
    [InlineData("run missing.json --wokers 2", "Error: unknown option '--wokers' for 'nas run'; did you mean --workers?")]
    [InlineData("status missing.json --lst 3", "Error: unknown option '--lst' for 'nas status'; did you mean --last?")]
    [InlineData("report missing.json --out report", "Error: unknown option '--out' for 'nas report'; did you mean --output (or -o)?")]
    [InlineData("status missing.json -l 3", "Error: unknown option '-l' for 'nas status'; did you mean --last?")]
    [InlineData("--verison", "Error: unknown option '--verison' for 'nas'; did you mean --version (or -v)?")]
    [InlineData("bench strategies missing.json --rusn 5", "Error: unknown option '--rusn' for 'nas bench strategies'; did you mean --runs?")]
    public void A_mistyped_option_is_bad_input_that_names_the_nearest_option(string args, string expected)
    {
        var (code, _, error) = CliRunner.Run(args.Split(' '));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(expected, error.Trim());
    }

    [Theory]
    [InlineData("runn", "Error: unknown command 'runn'; did you mean run?")]
    [InlineData("RUN missing.json", "Error: unknown command 'RUN'; did you mean run?")]
    [InlineData("bench strategis missing.json", "Error: unknown command 'strategis' for 'nas bench'; did you mean strategies?")]
    [InlineData("bench candidats missing.json", "Error: unknown command 'candidats' for 'nas bench'; did you mean candidates?")]
    public void A_mistyped_command_is_bad_input_that_names_the_nearest_command(string args, string expected)
    {
        var (code, _, error) = CliRunner.Run(args.Split(' '));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(expected, error.Trim());
    }

    [Fact]
    public void An_option_far_from_every_valid_one_gets_no_guess_but_the_help_to_read()
    {
        var (code, _, error) = CliRunner.Run("run", "missing.json", "--frobnicate");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("Error: unknown option '--frobnicate' for 'nas run' (nas run --help lists its options)", error.Trim());
    }

    [Fact]
    public void Multi_value_and_repeated_options_still_parse_and_a_typo_beside_them_does_not()
    {
        // The second set reaches the command as a plain argument after --constraints; its mistake is the command's to report.
        string[] command = ["family", "missing.json", "--constraints", "params <= 1e6", "params =< 2e6", "--plugins", "a", "--plugins", "b", "--top", "3"];

        var parsed = CliRunner.Run(command);
        var typo = CliRunner.Run([.. command, "--fods", "3"]);

        Assert.Equal(ExitCodes.BadInput, parsed.ExitCode);
        Assert.Contains("'params =< 2e6' (in constraint set 'params =< 2e6') is not a constraint", parsed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Equal("Error: unknown option '--fods' for 'nas family'; did you mean --folds?", typo.Error.Trim());
    }

    // In a child process: Spectre's static console keeps the writer of the first command that used it in this one.
    [Fact]
    public void Version_prints_the_product_version_and_exits_0()
    {
        var version = typeof(Program).Assembly.GetName().Version!;

        var (code, output, error) = NasProcess.Run(Timeout, "--version");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Matches($@"^{version.Major}\.{version.Minor}\.{version.Build}(\+[0-9a-f]{{7}})?$", output.Trim());
        Assert.Equal(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion[..output.Trim().Length], output.Trim());
    }

    [Theory]
    [InlineData]
    [InlineData("bench")]
    [InlineData("eda")]
    public void Nas_or_a_branch_without_a_command_prints_the_help_and_is_a_usage_error(params string[] args)
    {
        var (code, output, _) = NasProcess.Run(Timeout, args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("USAGE:", output, StringComparison.Ordinal);
        Assert.Contains("COMMANDS:", output, StringComparison.Ordinal);
    }
}
