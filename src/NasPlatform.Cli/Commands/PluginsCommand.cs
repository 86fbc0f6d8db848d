using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Strategies;
using NasPlatform.Torch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary><c>nas plugins</c>: what loaded, what each plugin offers, and what failed and why.</summary>
public sealed class PluginsCommand : Command<PluginsCommand.Settings>
{
    private readonly IAnsiConsole _console;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public PluginsCommand()
        : this(AnsiConsole.Console, Console.Out, Console.Error)
    {
    }

    internal PluginsCommand(IAnsiConsole console, TextWriter output, TextWriter error)
    {
        _console = console;
        _out = output;
        _error = error;
    }

    public sealed class Settings : NasSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // A typo in --plugins is bad input; a bad plugin inside an existing folder is only reported.
        var missing = settings.PluginDirectories.Where(d => !Directory.Exists(d)).ToList();
        if (missing.Count > 0)
        {
            foreach (var dir in missing)
            {
                _error.WriteLine($"error: --plugins {dir}: directory {Path.GetFullPath(dir)} does not exist.");
            }

            return ExitCodes.BadInput;
        }

        var searchPath = PluginSearchPath.Resolve(settings.PluginDirectories);
        var catalog = PluginCatalog.Load(searchPath);
        if (settings.Json)
        {
            _out.WriteLine(ToJson(searchPath, catalog).ToString(Formatting.Indented));
        }
        else
        {
            Render(searchPath, catalog);
        }

        return ExitCodes.Success;
    }

    internal static JObject ToJson(IReadOnlyList<string> searchPath, PluginCatalog catalog) => new()
    {
        ["searchPath"] = new JArray(searchPath),
        ["plugins"] = new JArray(catalog.Plugins.Select(p => new JObject
        {
            ["id"] = p.Description.Id,
            ["version"] = p.Description.Version,
            ["contractVersion"] = p.Description.ContractVersion,
            ["description"] = p.Description.Description,
            ["directory"] = p.Directory,
            ["searchSpaces"] = Components(p.SearchSpaces.Select(s => (s.Name, s.Description, s.OptionsSchema))),
            ["evaluators"] = Components(p.Evaluators.Select(e => (e.Name, e.Description, e.OptionsSchema))),
            ["strategies"] = Components(p.Strategies.Select(s => (s.Name, s.Description, StrategyCatalog.SchemaOf(s)))),
            ["commands"] = new JArray(p.Commands.Select(c => new JObject { ["command"] = $"{c.Group} {c.Name}", ["description"] = c.Description })),
            ["trialViews"] = p.TrialViews is null ? JValue.CreateNull() : p.TrialViews.GetType().Name,
        })),
        // The id its manifest gives (null when the manifest itself could not be read): what an experiment's "plugin" names.
        ["failures"] = new JArray(catalog.Failures.Select(f => new JObject { ["id"] = f.PluginId, ["path"] = f.Path, ["reason"] = f.Reason })),
        ["torch"] = TorchRuntime.TryDiagnose(out var reason)
            ? new JObject { ["available"] = false, ["reason"] = reason }
            : new JObject { ["available"] = true },
    };

    private static JArray Components(IEnumerable<(string Name, string Description, string OptionsSchema)> components) =>
        new(components.Select(c => new JObject
        {
            ["name"] = c.Name,
            ["description"] = c.Description,
            ["optionsSchema"] = JToken.Parse(c.OptionsSchema),
        }));

    private void Render(IReadOnlyList<string> searchPath, PluginCatalog catalog)
    {
        _console.MarkupLine($"[grey]Search path:[/] {Markup.Escape(string.Join(Path.PathSeparator, searchPath))}");
        // Plugins that train networks need TorchSharp's natives; say up front when they cannot load, and why.
        _console.MarkupLine(TorchRuntime.TryDiagnose(out var torchProblem)
            ? $"[yellow]TorchSharp: unavailable:[/] {Markup.Escape(torchProblem)}"
            : "[grey]TorchSharp:[/] available");
        if (catalog.Plugins.Count == 0)
        {
            _console.MarkupLine("[yellow]No plugin loaded.[/]");
        }
        else
        {
            var loaded = new Table().Title("Loaded plugins").AddColumns("Id", "Version", "Contract", "Folder");
            var components = new Table().Title("Search spaces, evaluators, strategies, commands and views").AddColumns("Plugin", "Kind", "Name", "Description");
            foreach (var plugin in catalog.Plugins)
            {
                var d = plugin.Description;
                loaded.AddRow(Cell(d.Id), Cell(d.Version), Cell(d.ContractVersion), Cell(plugin.Directory));
                foreach (var space in plugin.SearchSpaces)
                {
                    components.AddRow(Cell(d.Id), Cell("search space"), Cell(space.Name), Cell(space.Description));
                }

                foreach (var evaluator in plugin.Evaluators)
                {
                    components.AddRow(Cell(d.Id), Cell("evaluator"), Cell(evaluator.Name), Cell(evaluator.Description));
                }

                foreach (var strategy in plugin.Strategies)
                {
                    components.AddRow(Cell(d.Id), Cell("strategy"), Cell(strategy.Name), Cell(strategy.Description));
                }

                foreach (var command in plugin.Commands)
                {
                    components.AddRow(Cell(d.Id), Cell("command"), Cell($"nas {command.Group} {command.Name}"), Cell(command.Description));
                }

                if (plugin.TrialViews is { } views)
                {
                    components.AddRow(Cell(d.Id), Cell("trial views"), Cell(views.GetType().Name), Cell("domain views of trials in `nas report` and the dashboard"));
                }
            }

            _console.Write(loaded);
            _console.Write(components);
        }

        if (catalog.Failures.Count > 0)
        {
            var failed = new Table().Title("[red]Plugins that failed to load[/]").AddColumns("Id", "Path", "Reason");
            foreach (var failure in catalog.Failures)
            {
                failed.AddRow(Cell(failure.PluginId ?? "?"), Cell(failure.Path), Cell(failure.Reason));
            }

            _console.Write(failed);
        }
    }

    private static Text Cell(string text) => new(text);
}
