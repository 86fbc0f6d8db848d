using NasPlatform.Abstractions.Views;
using NasPlatform.Abstractions;
using McMaster.NETCore.Plugins;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Engine.Plugins;

/// <summary>
/// The plugins found on a search path: those that loaded, each in its own load context, and
/// those that did not, with the reason. One bad plugin never stops the others from loading.
/// </summary>
public sealed class PluginCatalog
{
    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<PluginLoadFailure> _failures = [];
    private readonly Dictionary<string, PluginLoader> _loaders = new(StringComparer.Ordinal);

    private PluginCatalog()
    {
    }

    /// <summary>Plugins that loaded, in search-path order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    /// <summary>Plugin folders (or search-path entries) that did not load, with the reason.</summary>
    public IReadOnlyList<PluginLoadFailure> Failures => _failures;

    /// <summary>
    /// Loads the plugins of the search path <see cref="PluginSearchPath.Resolve(IEnumerable{string})"/>
    /// builds from the host's own plugins folder, <paramref name="extraDirectories"/> and NASPLATFORM_PLUGIN_PATH.
    /// </summary>
    public static PluginCatalog LoadDefault(IEnumerable<string> extraDirectories) =>
        Load(PluginSearchPath.Resolve(extraDirectories));

    /// <summary>
    /// Loads every plugin under <paramref name="directories"/>. A directory holding a
    /// <c>plugin.json</c> is one plugin folder; otherwise each subfolder holding one is. A directory
    /// that does not exist or holds no plugin is reported as a failure.
    /// </summary>
    public static PluginCatalog Load(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var catalog = new PluginCatalog();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))))
        {
            foreach (var folder in catalog.PluginFolders(directory))
            {
                if (seen.Add(folder))
                {
                    catalog.LoadFolder(folder);
                }
            }
        }

        return catalog;
    }

    /// <summary>
    /// Loads, from the default search path, only the plugin whose manifest has id <paramref name="id"/> (the first
    /// found): a command that reads one experiment needs no other plugin, and loading them all takes seconds.
    /// Folders whose manifest cannot be read are passed over; the plugin's own load failure is kept in <see cref="Failures"/>.
    /// </summary>
    public static PluginCatalog LoadDefaultOnly(IEnumerable<string> extraDirectories, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var catalog = new PluginCatalog();
        foreach (var directory in PluginSearchPath.Resolve(extraDirectories).Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))))
        {
            foreach (var folder in catalog.PluginFolders(directory).Where(f => catalog.Find(id) is null && ManifestId(f) == id))
            {
                catalog.LoadFolder(folder);
            }
        }

        return catalog;
    }

    /// <summary>The loaded plugin with this id, or null.</summary>
    public LoadedPlugin? Find(string id) =>
        _plugins.FirstOrDefault(p => string.Equals(p.Description.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Creates a search space of a loaded plugin from its options, after validating them against the
    /// space's options schema.
    /// </summary>
    /// <param name="pluginId">Id of the plugin, as in the experiment file's "plugin".</param>
    /// <param name="name">Name the plugin registered the space under.</param>
    /// <param name="options">The options object; parsed with line info, problems carry line and column.</param>
    /// <param name="baseDirectory">Directory relative paths in the options resolve against (the experiment file's).</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="origin">
    /// Where the options come from, as "FILE, JSONPATH", e.g. "experiment.json, $.searchSpace.options";
    /// errors are then reported as "experiment.json:9:16: $.searchSpace.options.length: ...".
    /// </param>
    /// <exception cref="NasConfigurationException">Unknown plugin or space (the message lists what is available), invalid options, or the factory rejected them.</exception>
    public ISearchSpace CreateSearchSpace(string pluginId, string name, JObject options, string baseDirectory, int seed, string origin)
    {
        var plugin = Require(pluginId);
        var registration = ComponentFactory.Find(plugin, plugin.SearchSpaces, "search space", name);
        using var scope = _loaders[plugin.Description.Id].EnterContextualReflection();
        return ComponentFactory.Create(plugin, registration, "search space", options, baseDirectory, seed, origin);
    }

    /// <summary>Creates an evaluator of a loaded plugin; see <see cref="CreateSearchSpace"/> for the parameters.</summary>
    /// <exception cref="NasConfigurationException">Unknown plugin or evaluator, invalid options, or the factory rejected them.</exception>
    public IEvaluator CreateEvaluator(string pluginId, string name, JObject options, string baseDirectory, int seed, string origin)
    {
        var plugin = Require(pluginId);
        var registration = ComponentFactory.Find(plugin, plugin.Evaluators, "evaluator", name);
        using var scope = _loaders[plugin.Description.Id].EnterContextualReflection();
        return ComponentFactory.Create(plugin, registration, "evaluator", options, baseDirectory, seed, origin);
    }

    /// <summary>The domain views the plugin registered, or null when it registered none.</summary>
    /// <exception cref="NasConfigurationException">The plugin is not loaded (the message says why).</exception>
    public ITrialViews? TrialViewsOf(string pluginId) => Require(pluginId).TrialViews;

    /// <summary>
    /// An evaluator's options from an experiment file, bound to the record its plugin registered (what trial views
    /// receive); null when the plugin or evaluator is unknown or the options no longer fit (an experiment stored
    /// by an older version).
    /// </summary>
    public object? BindEvaluatorOptions(string pluginId, string evaluatorName, JObject options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registration = Find(pluginId)?.Evaluators.FirstOrDefault(e => e.Name == evaluatorName);
        if (registration?.OptionsType is not { } type)
        {
            return null;
        }

        try
        {
            return ComponentOptions.Bind(type, options.ToString(Newtonsoft.Json.Formatting.None));
        }
        catch (NasConfigurationException)
        {
            return null;
        }
    }

    private LoadedPlugin Require(string pluginId)
    {
        if (Find(pluginId) is { } plugin)
        {
            return plugin;
        }

        throw new NasConfigurationException($"Plugin '{pluginId}' is not loaded: {WhyNotLoaded(pluginId)}");
    }

    /// <summary>
    /// Why no plugin <paramref name="pluginId"/> is loaded, in words: the folder that declares that id
    /// and the reason it failed to load, or else the folders whose id is unknown because their manifest
    /// could not be read, or the plugins that did load; each time with what to do.
    /// </summary>
    public string WhyNotLoaded(string pluginId)
    {
        var loaded = _plugins.Count == 0 ? "none" : string.Join(", ", _plugins.Select(p => $"'{p.Description.Id}'"));
        var own = _failures.Where(f => string.Equals(f.PluginId, pluginId, StringComparison.Ordinal)).ToList();
        if (own.Count > 0)
        {
            return $"it failed to load from {string.Join("; and from ", own.Select(f => $"{f.Path}: {f.Reason.TrimEnd('.')}"))} (loaded: {loaded}; `nas plugins` lists every failure).";
        }

        var unknown = _failures.Where(f => f.PluginId is null).ToList();
        var maybe = unknown.Count == 0
            ? string.Empty
            : $"; {unknown.Count} plugin folder(s) failed to load before their id was known, so it may be one of them: {string.Join("; ", unknown.Select(f => $"{f.Path}: {f.Reason.TrimEnd('.')}"))}";
        return $"no readable plugin manifest on the search path gives that id (loaded: {loaded}){maybe}. Check `nas plugins`, or add its folder with --plugins DIR or {PluginSearchPath.EnvironmentVariable}.";
    }

    private static string? ManifestId(string folder)
    {
        try
        {
            return PluginManifest.Read(Path.Combine(folder, PluginManifest.FileName)).Id;
        }
        catch (PluginRejectedException)
        {
            return null;
        }
    }

    private IEnumerable<string> PluginFolders(string directory)
    {
        if (!Directory.Exists(directory))
        {
            _failures.Add(new PluginLoadFailure(directory, "plugin directory does not exist; check the --plugins or NASPLATFORM_PLUGIN_PATH entry."));
            return [];
        }

        if (File.Exists(Path.Combine(directory, PluginManifest.FileName)))
        {
            return [directory];
        }

        var folders = Directory.EnumerateDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, PluginManifest.FileName)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (folders.Count == 0)
        {
            _failures.Add(new PluginLoadFailure(directory,
                $"no plugin here: neither {PluginManifest.FileName} nor */{PluginManifest.FileName} exists; point at a plugin folder or at the folder that holds plugin folders."));
        }

        return folders;
    }

    private void LoadFolder(string folder)
    {
        PluginManifest? manifest = null;
        try
        {
            manifest = PluginManifest.Read(Path.Combine(folder, PluginManifest.FileName));
            if (Find(manifest.Id) is { } existing)
            {
                throw new PluginRejectedException(
                    $"plugin id '{manifest.Id}' is already loaded from {existing.Directory}; remove one of the two folders from the search path or give this plugin another id.");
            }

            var (plugin, loader) = PluginFolderLoader.Load(folder, manifest);
            _plugins.Add(plugin);
            _loaders.Add(plugin.Description.Id, loader);
        }
        catch (PluginRejectedException e)
        {
            _failures.Add(new PluginLoadFailure(folder, e.Message, manifest?.Id));
        }
    }
}
