using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Evaluation;

/// <summary>
/// The training options every variational evaluator shares (optimizer, learning rate, sigma, plateau,
/// fidelities), and the option schemas that merge them with each task's own options.
/// </summary>
public sealed class VariationalEvaluatorOptions
{
    /// <summary>JSON Schema properties of the training options.</summary>
    public const string TrainingProperties = """
        {
          "task": { "type": "string", "description": "The variational task to train candidates on." },
          "optimizer": { "enum": ["lbfgs", "adam"], "default": "lbfgs", "description": "L-BFGS (strong-Wolfe line search) or Adam." },
          "learningRate": { "type": "number", "exclusiveMinimum": 0, "default": 0.05, "description": "Adam's step size (L-BFGS ignores it)." },
          "sigma": { "type": "number", "minimum": 0, "default": 0.5, "description": "Initial parameters are drawn from N(0, sigma^2), afresh for every restart." },
          "plateauTolerance": { "type": "number", "minimum": 0, "default": 1e-9, "description": "Early stop when the best loss improves by less than plateauTolerance*max(|loss|,1) over plateauWindow steps; 0 disables." },
          "plateauWindow": { "type": "integer", "minimum": 1, "default": 20, "description": "Steps over which plateau improvement is measured." },
          "lbfgsMemory": { "type": "integer", "minimum": 1, "maximum": 100, "default": 12, "description": "Correction pairs L-BFGS keeps." },
          "fidelities": {
            "type": "array", "minItems": 1, "uniqueItems": true,
            "items": { "type": "string", "pattern": "^s[0-9]{1,7}x[0-9]{1,4}$" },
            "default": ["s100x1", "s300x2", "s1000x8"],
            "description": "Budget levels, named s<steps>x<restarts>; cost is steps*restarts relative to the largest."
          }
        }
        """;

    private VariationalEvaluatorOptions(OptimizerSettings optimizer, IReadOnlyList<Fidelity> fidelities)
    {
        Optimizer = optimizer;
        Fidelities = fidelities;
    }

    /// <summary>Names of the training options; task schemas must not redefine them.</summary>
    public static IReadOnlyList<string> TrainingPropertyNames { get; } =
        JObject.Parse(TrainingProperties).Properties().Select(p => p.Name).ToList();

    /// <summary>The optimizer settings.</summary>
    public OptimizerSettings Optimizer { get; }

    /// <summary>The fidelities, cheapest first.</summary>
    public IReadOnlyList<Fidelity> Fidelities { get; }

    /// <summary>Reads the training options from a validated options object.</summary>
    /// <exception cref="ComponentConfigurationException">A value is unusable.</exception>
    public static VariationalEvaluatorOptions Parse(JObject options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = (options.Value<string>("optimizer") ?? "lbfgs") switch
        {
            "adam" => OptimizerKind.Adam,
            "lbfgs" => OptimizerKind.Lbfgs,
            var other => throw new ComponentConfigurationException("optimizer", $"Unknown optimizer '{other}'; use \"lbfgs\" or \"adam\"."),
        };
        var defaults = new OptimizerSettings();
        var settings = new OptimizerSettings(
            kind,
            options.Value<double?>("learningRate") ?? defaults.LearningRate,
            options.Value<double?>("sigma") ?? defaults.InitialSigma,
            options.Value<double?>("plateauTolerance") ?? defaults.PlateauTolerance,
            options.Value<int?>("plateauWindow") ?? defaults.PlateauWindow,
            options.Value<int?>("lbfgsMemory") ?? defaults.LbfgsMemory,
            defaults.GradientTolerance);
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException("optimizer", e.Message, e);
        }

        var names = options["fidelities"] is JArray array ? array.Select(t => (string?)t ?? string.Empty).ToList() : TrainingFidelity.DefaultNames.ToList();
        IReadOnlyList<Fidelity> fidelities;
        try
        {
            fidelities = TrainingFidelity.Build(names);
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException("fidelities", e.Message, e);
        }

        return new VariationalEvaluatorOptions(settings, fidelities);
    }

    /// <summary>The budget of one trial at <paramref name="fidelity"/>.</summary>
    public TrainingBudget BudgetFor(Fidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        var parsed = TrainingFidelity.TryParse(fidelity.Name)
            ?? throw new ArgumentException($"Fidelity '{fidelity.Name}' is not one of this evaluator's ({string.Join(", ", Fidelities.Select(f => f.Name))}).", nameof(fidelity));
        return new TrainingBudget(parsed.Steps, parsed.Restarts, Optimizer);
    }

    /// <summary>The options schema of the evaluator for one task: training options plus the task's own; "task", if given, must name it.</summary>
    public static string SchemaFor(IVariationalTaskFactory task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var taskSchema = ReadTaskSchema(task);
        var properties = JObject.Parse(TrainingProperties);
        properties["task"] = new JObject { ["enum"] = new JArray(task.Name), ["description"] = $"Optional here; if given it must be \"{task.Name}\"." };
        foreach (var property in ((JObject?)taskSchema["properties"] ?? []).Properties())
        {
            properties[property.Name] = property.Value.DeepClone();
        }

        var schema = new JObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = $"{task.Name} evaluator options",
            ["description"] = task.Description,
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        if (taskSchema["required"] is JArray required && required.Count > 0)
        {
            schema["required"] = required.DeepClone();
        }

        AddDefinitions(schema, [task]);
        return schema.ToString(Formatting.Indented);
    }

    /// <summary>
    /// The options schema of the generic evaluator: "task" picks one of <paramref name="tasks"/>; every task's
    /// options are allowed here (a property two tasks define differently is left unchecked), and
    /// <see cref="CheckTaskOptions"/> then rejects options of another task. (The host's validator,
    /// NJsonSchema, does not implement draft-07 if/then, so per-task branches could not be enforced here.)
    /// </summary>
    public static string GenericSchema(IReadOnlyList<IVariationalTaskFactory> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var properties = JObject.Parse(TrainingProperties);
        properties["task"] = new JObject
        {
            ["enum"] = new JArray(tasks.Select(t => t.Name)),
            ["description"] = "The variational task: " + string.Join("; ", tasks.Select(t => $"{t.Name}: {t.Description}")),
        };

        var taskProperties = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            foreach (var property in TaskProperties(task))
            {
                taskProperties[property.Name] = taskProperties.TryGetValue(property.Name, out var seen) && !JToken.DeepEquals(seen, property.Value)
                    ? new JObject()
                    : property.Value.DeepClone();
            }
        }

        foreach (var (name, value) in taskProperties)
        {
            properties[name] = value;
        }

        var generic = new JObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "variational evaluator options",
            ["description"] = "Trains each candidate circuit on the task named by \"task\".",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JArray("task"),
            ["properties"] = properties,
        };
        AddDefinitions(generic, tasks);
        return generic.ToString(Formatting.Indented);
    }

    /// <summary>Carries the tasks' "definitions" over, so their "#/definitions/…" references still resolve.</summary>
    private static void AddDefinitions(JObject schema, IEnumerable<IVariationalTaskFactory> tasks)
    {
        var definitions = new JObject();
        foreach (var task in tasks)
        {
            foreach (var definition in ((JObject?)ReadTaskSchema(task)["definitions"] ?? []).Properties())
            {
                if (definitions[definition.Name] is { } seen && !JToken.DeepEquals(seen, definition.Value))
                {
                    throw new InvalidOperationException($"Task '{task.Name}' defines '{definition.Name}' differently from another task; rename the definition.");
                }

                definitions[definition.Name] = definition.Value.DeepClone();
            }
        }

        if (definitions.Count > 0)
        {
            schema["definitions"] = definitions;
        }
    }

    /// <summary>
    /// Rejects options that belong to another task than <paramref name="task"/>, and missing options the
    /// task requires (the generic schema cannot say which task an option belongs to).
    /// </summary>
    /// <exception cref="ComponentConfigurationException">An option of another task, or a required one missing.</exception>
    public static void CheckTaskOptions(IVariationalTaskFactory task, JObject options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        var own = TaskProperties(task).Select(p => p.Name).Concat(TrainingPropertyNames).ToHashSet(StringComparer.Ordinal);
        foreach (var property in options.Properties().Where(p => !own.Contains(p.Name)))
        {
            throw new ComponentConfigurationException(property.Name, $"Option \"{property.Name}\" does not belong to task \"{task.Name}\"; its options are {string.Join(", ", own.Order(StringComparer.Ordinal))}.");
        }

        if (ReadTaskSchema(task)["required"] is JArray required)
        {
            foreach (var name in required.Select(r => (string)r!).Where(r => options[r] is null))
            {
                throw new ComponentConfigurationException(name, $"Task \"{task.Name}\" needs the option \"{name}\".");
            }
        }
    }

    private static IEnumerable<JProperty> TaskProperties(IVariationalTaskFactory task) =>
        ((JObject?)ReadTaskSchema(task)["properties"] ?? []).Properties();

    private static JObject ReadTaskSchema(IVariationalTaskFactory task)
    {
        JObject schema;
        try
        {
            schema = JObject.Parse(task.OptionsSchema);
        }
        catch (JsonReaderException e)
        {
            throw new InvalidOperationException($"The options schema of task '{task.Name}' is not JSON: {e.Message}", e);
        }

        var clash = ((JObject?)schema["properties"] ?? []).Properties().Select(p => p.Name).FirstOrDefault(TrainingPropertyNames.Contains);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Task '{task.Name}' redefines the training option '{clash}'; rename its option.");
        }

        return schema;
    }
}
