using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Engine.Plugins;

/// <summary>Loads the code of one plugin folder into its own load context.</summary>
internal static class PluginFolderLoader
{
    // TorchSharp is shared by name, not by type: naming a TorchSharp type here would make the engine
    // touch TorchSharp, and sharing only needs the managed assembly, never the natives.
    private static readonly Lazy<AssemblyName?> SharedTorchSharp = new(() =>
    {
        var name = new AssemblyName("TorchSharp");
        try
        {
            AssemblyLoadContext.Default.LoadFromAssemblyName(name);
            return name;
        }
        catch (FileNotFoundException)
        {
            // A host without TorchSharp: plugins that need it fail when they touch it, with that message.
            return null;
        }
    });

    /// <summary>Loads, constructs and registers the plugin a validated manifest points to.</summary>
    /// <exception cref="PluginRejectedException">Anything that stops the plugin from loading, with the fix.</exception>
    public static (LoadedPlugin Plugin, PluginLoader Loader) Load(string folder, PluginManifest manifest)
    {
        CheckContractMajor(manifest.ContractVersion, $"{PluginManifest.FileName} declares");

        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            throw new PluginRejectedException(
                $"assembly '{manifest.Assembly}' named in {PluginManifest.FileName} is not in the folder; build the plugin into this folder or correct \"assembly\".");
        }

        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            [typeof(INasPlugin), typeof(JObject)],
            config =>
            {
                if (SharedTorchSharp.Value is { } torch)
                {
                    config.SharedAssemblies.Add(torch);
                }
            });

        using var scope = loader.EnterContextualReflection();
        var pluginType = FindPluginType(LoadAssembly(loader, manifest.Assembly), manifest.Assembly);
        var plugin = Construct(pluginType);

        var description = Call(() => plugin.Describe(), pluginType, "Describe()")
            ?? throw new PluginRejectedException($"{pluginType.FullName}.Describe() returned null; return a PluginDescription.");
        CheckContractMajor(description.ContractVersion ?? string.Empty, $"{pluginType.FullName}.Describe() reports");
        if (!string.Equals(description.Id, manifest.Id, StringComparison.Ordinal))
        {
            throw new PluginRejectedException(
                $"{PluginManifest.FileName} says id '{manifest.Id}' but {pluginType.FullName}.Describe() says '{description.Id}'; make the two equal.");
        }

        var registry = new PluginRegistry();
        Call(() => { plugin.Register(registry); return true; }, pluginType, "Register()");
        if (registry.Problems.Count > 0)
        {
            throw new PluginRejectedException($"{pluginType.FullName}.Register(): {string.Join("; ", registry.Problems)}.");
        }

        return (new LoadedPlugin(description, folder, registry.SearchSpaces, registry.Evaluators) { Strategies = registry.Strategies, Commands = registry.Commands, TrialViews = registry.TrialViews }, loader);
    }

    private static void CheckContractMajor(string contractVersion, string who)
    {
        var major = PluginManifest.ContractMajor(contractVersion)
            ?? throw new PluginRejectedException(
                $"{who} contract version '{contractVersion}', which is not \"major.minor\"; use ContractVersion.Text of NasPlatform.Abstractions.");
        if (major != ContractVersion.Major)
        {
            throw new PluginRejectedException(
                $"{who} contract version {contractVersion}, but this host implements contract {ContractVersion.Text} (major versions must match); rebuild the plugin against NasPlatform.Abstractions {ContractVersion.Major}.x.");
        }
    }

    private static Assembly LoadAssembly(PluginLoader loader, string fileName)
    {
        try
        {
            return loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PluginRejectedException($"assembly '{fileName}' could not be loaded: {e.Message}", e);
        }
    }

    private static Type FindPluginType(Assembly assembly, string fileName)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var causes = e.LoaderExceptions.Where(x => x is not null).Select(x => x!.Message).Distinct();
            throw new PluginRejectedException(
                $"types in '{fileName}' could not be loaded ({string.Join("; ", causes)}); ship the missing dependencies in the plugin folder.", e);
        }

        var candidates = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INasPlugin).IsAssignableFrom(t)).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        if (candidates.Count > 1)
        {
            throw new PluginRejectedException(
                $"'{fileName}' has {candidates.Count} INasPlugin implementations ({string.Join(", ", candidates.Select(t => t.FullName))}); a plugin assembly must have exactly one.");
        }

        // Same name, different type: the plugin carried its own copy of the contract instead of the host's.
        var foreign = types.FirstOrDefault(t => t.GetInterfaces().Any(i => i.FullName == typeof(INasPlugin).FullName));
        if (foreign is not null)
        {
            throw new PluginRejectedException(
                $"{foreign.FullName} implements a different copy of INasPlugin than the host's; reference NasPlatform.Abstractions with Private=\"false\" ExcludeAssets=\"runtime\" and do not ship NasPlatform.Abstractions.dll in the plugin folder.");
        }

        throw new PluginRejectedException(
            $"'{fileName}' has no class implementing NasPlatform.Abstractions.Plugins.INasPlugin; add one with a public parameterless constructor.");
    }

    private static INasPlugin Construct(Type pluginType)
    {
        if (pluginType.GetConstructor(Type.EmptyTypes) is not { } constructor)
        {
            throw new PluginRejectedException($"{pluginType.FullName} has no public parameterless constructor; add one.");
        }

        try
        {
            return (INasPlugin)constructor.Invoke(null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new PluginRejectedException($"the constructor of {pluginType.FullName} threw {Describe(e.InnerException)}", e.InnerException);
        }
    }

    private static T Call<T>(Func<T> call, Type pluginType, string what)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not PluginRejectedException)
        {
            throw new PluginRejectedException($"{pluginType.FullName}.{what} threw {Describe(e)}", e);
        }
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
