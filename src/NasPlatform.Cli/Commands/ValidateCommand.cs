using NasPlatform.Abstractions;
using System.ComponentModel;
using System.Globalization;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Schemas;
using NasPlatform.Engine.Storage;
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
        var pluginProblem = check.IsValid ? CheckAgainstPlugins(check.Spec!, settings) : null;
        var valid = check.IsValid && pluginProblem is null;
        if (settings.Json)
        {
            WriteJson(check, pluginProblem);
        }
        else if (valid)
        {
            Console.Out.WriteLine($"{check.File}: valid ({Summary(check.Spec!)})");
        }
        else
        {
            foreach (var line in pluginProblem is null ? check.FormattedProblems : [pluginProblem])
            {
                Console.Error.WriteLine(line);
            }
        }

        return valid ? ExitCodes.Success : ExitCodes.BadInput;
    }

    // The schema says the file is well formed; the plugins say whether its names and options fit.
    // The message already names the file and the place in it.
    private static string? CheckAgainstPlugins(ExperimentSpec spec, Settings settings)
    {
        try
        {
            TransferSource.WithTransferredTrials(ComponentResolver.Resolve(spec, PluginCatalog.LoadDefault(settings.PluginDirectories), HostStrategies.Catalog), spec);
            return null;
        }
        catch (NasConfigurationException e)
        {
            return e.Message;
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

        if (spec.Budget.Cost is { } cost)
        {
            limits.Add($"cost {cost.ToString(CultureInfo.InvariantCulture)}");
        }

        return $"plugin {spec.Plugin}, search space {spec.SearchSpace.Name}, evaluator {spec.Evaluator.Name}, " +
               $"strategy {spec.Strategy.Name}, {objectives}, budget {string.Join(" or ", limits)}, seed {spec.Seed}";
    }

    private static void WriteJson(ExperimentFileCheck check, string? pluginProblem)
    {
        var problems = new JArray(check.Problems.Select(p => ToJson(check.File, p)));
        if (pluginProblem is not null)
        {
            problems.Add(new JObject { ["file"] = check.File, ["message"] = pluginProblem });
        }

        var result = new JObject
        {
            ["valid"] = check.IsValid && pluginProblem is null,
            ["problems"] = problems,
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
