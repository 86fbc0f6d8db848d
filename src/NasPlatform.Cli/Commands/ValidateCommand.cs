using System.ComponentModel;
using System.Globalization;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>`nas validate FILE`: checks an experiment file and lists every problem with its place.</summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The experiment file (JSON, see schemas/experiment.schema.json).")]
        public string File { get; init; } = string.Empty;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var check = ExperimentFile.Check(settings.File);
        if (check.IsValid)
        {
            check = CheckAgainstPlugins(check, settings);
        }

        if (settings.Json)
        {
            WriteJson(check);
        }
        else if (check.IsValid)
        {
            Console.Out.WriteLine($"{check.File}: valid ({Summary(check.Spec!)})");
        }
        else
        {
            foreach (var line in check.FormattedProblems)
            {
                Console.Error.WriteLine(line);
            }
        }

        return check.IsValid ? ExitCodes.Success : ExitCodes.BadInput;
    }

    // The schema says the file is well formed; the plugins say whether its names and options fit.
    private static ExperimentFileCheck CheckAgainstPlugins(ExperimentFileCheck check, Settings settings)
    {
        try
        {
            var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
            ComponentResolver.Resolve(check.Spec!, plugins);
            return check;
        }
        catch (NasConfigurationException e)
        {
            return check with { Spec = null, Problems = [new SchemaProblem(string.Empty, null, null, e.Message)] };
        }
    }

    private static string Summary(ExperimentSpec spec)
    {
        var objectives = spec.Objectives.Count == 1 ? "1 objective" : $"{spec.Objectives.Count} objectives";
        var limits = new List<string>();
        if (spec.Budget.Trials is { } trials)
        {
            limits.Add(trials == 1 ? "1 trial" : $"{trials} trials");
        }

        if (spec.Budget.Seconds is { } seconds)
        {
            limits.Add($"{seconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        return $"plugin {spec.Plugin}, search space {spec.SearchSpace.Name}, evaluator {spec.Evaluator.Name}, " +
               $"strategy {spec.Strategy.Name}, {objectives}, budget {string.Join(" or ", limits)}, seed {spec.Seed}";
    }

    private static void WriteJson(ExperimentFileCheck check)
    {
        var result = new JObject
        {
            ["valid"] = check.IsValid,
            ["problems"] = new JArray(check.Problems.Select(p => ToJson(check.File, p))),
        };
        Console.Out.WriteLine(result.ToString(Formatting.Indented));
    }

    private static JObject ToJson(string file, SchemaProblem problem) => new()
    {
        ["file"] = file,
        ["line"] = problem.Line,
        ["column"] = problem.Column,
        ["path"] = problem.JsonPath.Length == 0 ? null : problem.JsonPath,
        ["message"] = problem.Message,
    };
}
