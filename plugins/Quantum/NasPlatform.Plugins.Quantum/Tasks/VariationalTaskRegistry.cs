using System.Reflection;

namespace NasPlatform.Plugins.Quantum.Tasks;

/// <summary>The variational tasks this plugin offers, found by reflection (see <see cref="IVariationalTaskFactory"/>).</summary>
public static class VariationalTaskRegistry
{
    private static readonly Lazy<IReadOnlyList<IVariationalTaskFactory>> Discovered = new(() => Discover(typeof(VariationalTaskRegistry).Assembly));

    /// <summary>Every task factory, ordered by name.</summary>
    public static IReadOnlyList<IVariationalTaskFactory> All => Discovered.Value;

    /// <summary>The factory named <paramref name="name"/>, or null.</summary>
    public static IVariationalTaskFactory? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>Finds the task factories of <paramref name="assembly"/>; duplicate names are a programming error.</summary>
    internal static IReadOnlyList<IVariationalTaskFactory> Discover(Assembly assembly)
    {
        var factories = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && typeof(IVariationalTaskFactory).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IVariationalTaskFactory)Activator.CreateInstance(t)!)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = factories.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two variational tasks are named '{duplicate.Key}': {string.Join(", ", duplicate.Select(f => f.GetType().FullName))}.");
        }

        return factories;
    }
}
