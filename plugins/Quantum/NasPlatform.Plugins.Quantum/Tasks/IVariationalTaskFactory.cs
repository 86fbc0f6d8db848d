using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;

namespace NasPlatform.Plugins.Quantum.Tasks;

/// <summary>
/// Makes a variational task known by name. <see cref="VariationalTaskRegistry"/> finds every public
/// non-abstract implementation with a parameterless constructor in this plugin's assembly, so adding
/// a task is writing a class (derive from <see cref="VariationalTaskFactory{TOptions}"/>). Each task becomes an
/// evaluator of the same name (options: its <see cref="OptionsType"/>, the training options plus the task's own),
/// and a value of the generic evaluator's "task" option.
/// </summary>
public interface IVariationalTaskFactory
{
    /// <summary>Name used in experiment files ("vqe", "classifier"); lower case, unique.</summary>
    string Name { get; }

    /// <summary>One line for <c>nas plugins</c>.</summary>
    string Description { get; }

    /// <summary>
    /// The evaluator's options record: a <see cref="VariationalEvaluatorOptions"/> with the task's own options
    /// (which must not reuse the training options' names) and an optional "task" that may only name this task.
    /// </summary>
    Type OptionsType { get; }

    /// <summary>Registers the evaluator of this task under <see cref="Name"/>.</summary>
    void AddEvaluator(IPluginRegistry registry);

    /// <summary>
    /// Creates the task from the evaluator's bound options (an instance of <see cref="OptionsType"/>). Throw
    /// <see cref="ComponentConfigurationException"/> naming the option for unusable values (resolve file paths
    /// with <see cref="ComponentContext.ResolvePath"/>).
    /// </summary>
    IVariationalTask Create(VariationalEvaluatorOptions options, ComponentContext context);
}
