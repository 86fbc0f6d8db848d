using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Plugins.Vision.Networks;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// A loaded DNA teacher: its network, its blocks, and what its training cost and reached (kept beside the weights
/// as <c>teacher-&lt;key&gt;.json</c>, so every process that reuses the cached teacher reports the same numbers).
/// </summary>
public sealed class DnaTeacher : IDisposable
{
    public DnaTeacher(string name, NetworkSpec network, nn.Module<Tensor, Tensor> model, string file, double trainSeconds, double validationAccuracy, bool trainedHere)
    {
        Name = name;
        Network = network;
        Model = model;
        File = file;
        TrainSeconds = trainSeconds;
        ValidationAccuracy = validationAccuracy;
        TrainedHere = trainedHere;
        Blocks = TeacherBlock.Split(network);
    }

    public string Name { get; }

    public NetworkSpec Network { get; }

    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The cached weights (<c>teacher-&lt;key&gt;.bin</c>).</summary>
    public string File { get; }

    public IReadOnlyList<TeacherBlock> Blocks { get; }

    /// <summary>Seconds its training took, in the process that trained it.</summary>
    public double TrainSeconds { get; }

    /// <summary>Its accuracy on the validation split.</summary>
    public double ValidationAccuracy { get; }

    /// <summary>Whether this process trained it (rather than loading it from the cache).</summary>
    public bool TrainedHere { get; }

    public static string InfoFile(string weightsFile) => Path.ChangeExtension(weightsFile, ".json");

    /// <summary>Reads <see cref="InfoFile"/>: (training seconds, validation accuracy), or null when it is missing.</summary>
    public static (double Seconds, double Accuracy)? ReadInfo(string weightsFile)
    {
        var path = InfoFile(weightsFile);
        if (!System.IO.File.Exists(path))
        {
            return null;
        }

        var json = JObject.Parse(System.IO.File.ReadAllText(path));
        return ((double?)json["trainSeconds"] ?? double.NaN, (double?)json["validationAccuracy"] ?? double.NaN);
    }

    public static void WriteInfo(string weightsFile, string name, int epochs, int images, double seconds, double accuracy)
    {
        var json = new JObject
        {
            ["teacher"] = name,
            ["epochs"] = epochs,
            ["images"] = images,
            ["trainSeconds"] = double.IsFinite(seconds) ? Math.Round(seconds, 3) : null,
            ["validationAccuracy"] = accuracy,
        };
        var path = InfoFile(weightsFile);
        System.IO.File.WriteAllText(path + ".tmp", json.ToString(Formatting.Indented));
        System.IO.File.Move(path + ".tmp", path, overwrite: true);
    }

    public void Dispose() => Model.Dispose();
}
