using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Engine.Plugins;

/// <summary>A registered search space or evaluator.</summary>
/// <param name="Name">Name used in experiment files.</param>
/// <param name="Description">One line for <c>nas plugins</c>.</param>
/// <param name="OptionsSchema">JSON Schema of the options object.</param>
/// <param name="OptionsType">The options record the options are bound to; null for a component registered with a schema text (its factory reads <see cref="ComponentContext.Options"/>).</param>
/// <param name="Create">Creates the component from the context and the bound options (null without <paramref name="OptionsType"/>).</param>
public sealed record ComponentRegistration<T>(string Name, string Description, string OptionsSchema, Type? OptionsType, Func<ComponentContext, object?, T> Create)
{
    /// <summary>Creates the component from a context alone, binding its options where they are typed (tests, tools).</summary>
    public T Factory(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Create(context, OptionsType is null ? null : Abstractions.Options.ComponentOptions.Bind(OptionsType, context.Options.ToString(Newtonsoft.Json.Formatting.None)));
    }
}
