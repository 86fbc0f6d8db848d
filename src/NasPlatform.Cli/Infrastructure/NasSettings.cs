using System.ComponentModel;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>Options every command takes.</summary>
public class NasSettings : CommandSettings
{
    [CommandOption("--plugins <DIR>")]
    [Description("Extra folder to load plugins from (repeatable); NASPLATFORM_PLUGIN_PATH adds more.")]
    public string[] PluginDirectories { get; init; } = [];

    [CommandOption("--json")]
    [Description("Machine-readable JSON output instead of tables.")]
    public bool Json { get; init; }
}
