using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Tasks;

/// <summary>
/// Makes a variational task known by name. <see cref="VariationalTaskRegistry"/> finds every public
/// non-abstract implementation with a parameterless constructor in this plugin's assembly, so adding
/// a task is writing a class. Each task becomes an evaluator of the same name (options: the task's own
/// plus the training options), and a value of the generic evaluator's "task" option.
/// </summary>
public interface IVariationalTaskFactory
{
    /// <summary>Name used in experiment files ("vqe", "classifier"); lower case, unique.</summary>
    string Name { get; }

    /// <summary>One line for <c>nas plugins</c>.</summary>
    string Description { get; }

    /// <summary>
    /// JSON Schema (draft-07) of the task's own options: an object schema with "properties" and,
    /// optionally, "required" and "definitions" (referred to as "#/definitions/…"). It must not redefine the training options
    /// (<see cref="Evaluation.VariationalEvaluatorOptions.TrainingPropertyNames"/>); the evaluator merges the two.
    /// </summary>
    string OptionsSchema { get; }

    /// <summary>
    /// Creates the task from the evaluator's options (<see cref="ComponentContext.Options"/> holds the
    /// whole options object, already validated against the merged schema). Throw
    /// <see cref="ComponentConfigurationException"/> naming the option for unusable values
    /// (resolve file paths with <see cref="ComponentContext.ResolvePath"/>).
    /// </summary>
    IVariationalTask Create(ComponentContext context);
}
