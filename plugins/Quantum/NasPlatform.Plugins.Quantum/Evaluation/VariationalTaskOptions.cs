using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Tasks;

namespace NasPlatform.Plugins.Quantum.Evaluation;

/// <summary>Turns the generic evaluator's options into the options record of the task they name.</summary>
public static class VariationalTaskOptions
{
    /// <summary>
    /// Binds <paramref name="options"/> to <paramref name="task"/>'s options record and checks that record's
    /// ranges, lengths and allowed values (the generic schema lists task options by name only).
    /// </summary>
    /// <exception cref="ComponentConfigurationException">An option of another task, or a value the task's record refuses.</exception>
    public static VariationalEvaluatorOptions Bind(VariationalGenericOptions options, IVariationalTaskFactory task)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(task);
        var given = JsonSerializer.SerializeToNode(options, ComponentOptions.SerializerOptions)!.AsObject();
        foreach (var name in given.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            given.Remove(name);
        }

        var own = NamesOf(task.OptionsType);
        if (!own.Contains("task"))
        {
            // "task" chose the record; a record without a "task" of its own has no use for it.
            given.Remove("task");
        }

        if (given.Select(p => p.Key).FirstOrDefault(name => !own.Contains(name)) is { } foreign)
        {
            throw new ComponentConfigurationException(foreign, $"Option \"{foreign}\" does not belong to task \"{task.Name}\"; its options are {string.Join(", ", own.Order(StringComparer.Ordinal))}.");
        }

        var required = ComponentOptions.SerializerOptions.GetTypeInfo(task.OptionsType).Properties.Where(p => p.IsRequired).Select(p => p.Name);
        if (required.FirstOrDefault(name => !given.ContainsKey(name)) is { } missing)
        {
            throw new ComponentConfigurationException(missing, $"Task \"{task.Name}\" needs the option \"{missing}\".");
        }

        VariationalEvaluatorOptions bound;
        try
        {
            bound = (VariationalEvaluatorOptions)ComponentOptions.Bind(task.OptionsType, given.ToJsonString());
        }
        catch (NasConfigurationException e)
        {
            throw new ComponentConfigurationException(PathOf(e) ?? "task", $"{e.Message} (task \"{task.Name}\").", e);
        }

        Check(bound, string.Empty);
        return bound;
    }

    /// <summary>The options' JSON names of an options record.</summary>
    public static IReadOnlySet<string> NamesOf(Type optionsType) =>
        ComponentOptions.SerializerOptions.GetTypeInfo(optionsType).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private static void Check(object record, string prefix)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(record, new ValidationContext(record), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault() ?? string.Empty;
            throw new ComponentConfigurationException(prefix + JsonNamingPolicy.CamelCase.ConvertName(member), first.ErrorMessage ?? "Invalid value.");
        }

        // Nested option records (the VQE task's molecule) are checked too.
        foreach (var property in record.GetType().GetProperties())
        {
            if (property.PropertyType.Namespace?.StartsWith("NasPlatform.Plugins.Quantum", StringComparison.Ordinal) == true
                && property.PropertyType.IsClass && property.GetValue(record) is { } nested)
            {
                Check(nested, prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name) + ".");
            }
        }
    }

    private static string? PathOf(NasConfigurationException error) =>
        error.InnerException is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
}
