namespace NasPlatform.Engine.Tests.Plugins;

/// <summary>A temporary directory of plugin folders, deleted afterwards.</summary>
internal sealed class TempPluginFolder : IDisposable
{
    public TempPluginFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "nas-plugin-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Copies a built plugin folder under a new name, optionally replacing its manifest.</summary>
    public string CopyOf(string builtFolder, string name, string? manifest = null)
    {
        var target = Path.Combine(Root, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(builtFolder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        if (manifest is not null)
        {
            File.WriteAllText(Path.Combine(target, "plugin.json"), manifest);
        }

        return target;
    }

    /// <summary>A plugin folder holding only the given manifest text.</summary>
    public string WithManifest(string name, string manifest)
    {
        var target = Path.Combine(Root, name);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "plugin.json"), manifest);
        return target;
    }

    public static string Manifest(string id = "hello", string contractVersion = "2.0", string assembly = "HelloPlugin.dll") => $$"""
        {
          "id": "{{id}}",
          "version": "0.1.0",
          "contractVersion": "{{contractVersion}}",
          "assembly": "{{assembly}}",
          "description": "test copy"
        }
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Loaded plugin assemblies stay mapped for the process's life; the OS temp cleaner gets them.
        }
    }
}
