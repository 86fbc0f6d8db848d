using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Engine.Plugins;

/// <summary>A registered search space or evaluator.</summary>
/// <param name="Name">Name used in experiment files.</param>
/// <param name="Description">One line for <c>nas plugins</c>.</param>
/// <param name="OptionsSchema">JSON Schema of the options object, generated from <paramref name="OptionsType"/>.</param>
/// <param name="OptionsType">The options record the options are bound to.</param>
/// <param name="Create">Creates the component from the context and the bound options.</param>
public sealed record ComponentRegistration<T>(string Name, string Description, string OptionsSchema, Type OptionsType, Func<ComponentContext, object, T> Create)
{
    /// <summary>Binds <paramref name="optionsJson"/> (unvalidated: tests and tools) and creates the component.</summary>
    public T Factory(ComponentContext context, string optionsJson = "{}")
    {
        ArgumentNullException.ThrowIfNull(context);
        return Create(context, ComponentOptions.Bind(OptionsType, optionsJson));
    }
}
