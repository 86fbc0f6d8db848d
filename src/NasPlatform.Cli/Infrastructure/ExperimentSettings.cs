using System.ComponentModel;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>Options of the commands that take an existing experiment (`EXP`).</summary>
public class ExperimentSettings : NasSettings
{
    [CommandArgument(0, "<EXP>")]
    [Description("The experiment file (.json), or its store (.db).")]
    public string Experiment { get; init; } = string.Empty;

    [CommandOption("--experiment <NAME>")]
    [Description("Which experiment, when the store holds several.")]
    public string? Name { get; init; }
}
