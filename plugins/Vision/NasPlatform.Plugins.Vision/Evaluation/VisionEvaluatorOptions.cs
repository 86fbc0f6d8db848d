using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Torch;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>Options of the <c>train</c> evaluator (see <see cref="Schema"/>).</summary>
public sealed record VisionEvaluatorOptions(
    Func<VisionData> Data,
    string DataDescription,
    int ValidationSize,
    IReadOnlyList<EcoNasFidelity> Fidelities,
    int Threads,
    bool Latency,
    string Device = "cpu")
{
    public static readonly string Schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "dataset": { "enum": ["fashion-mnist", "image-folder"], "description": "fashion-mnist (default; any MNIST-style folder of the four IDX files) or image-folder (one subfolder per class)." },
        "dataFolder": { "type": "string", "minLength": 1, "description": "Folder of train-images-idx3-ubyte(.gz) etc.; default /usr/share/datasets/fashion-mnist (apt-get install dataset-fashion-mnist)." },
        "trainFolder": { "type": "string", "minLength": 1, "description": "image-folder: the training images, one subfolder per class (PNG, PGM, PPM)." },
        "testFolder": { "type": "string", "minLength": 1, "description": "image-folder: the test images, same class subfolders." },
        "validationSize": { "type": "integer", "minimum": 1, "description": "The last N training images are the search's validation split (default 10000)." },
        "fidelities": {
          "type": "array", "minItems": 1,
          "items": {
            "type": "object", "additionalProperties": false, "required": ["c", "r", "s", "e"],
            "properties": {
              "c": { "type": "number", "exclusiveMinimum": 0, "maximum": 1, "description": "channel scale" },
              "r": { "type": "number", "exclusiveMinimum": 0, "maximum": 1, "description": "resolution scale" },
              "s": { "type": "number", "exclusiveMinimum": 0, "maximum": 1, "description": "fraction of the training images" },
              "e": { "type": "number", "exclusiveMinimum": 0, "maximum": 1, "description": "fraction of the recipe's epochs" }
            }
          },
          "description": "EcoNAS reduction factors, cheapest first; the last is the search's full fidelity. Default c0.25-r0.5-s0.1-e0.25, c0.5-r0.5-s0.25-e0.25, c0.5-r1-s0.5-e0.5, c1-r1-s1-e1."
        },
        "threads": { "type": "integer", "minimum": 1, "maximum": 64, "description": "LibTorch threads (default 1: run workers in parallel instead)." },
        "latency": { "type": "boolean", "description": "Also measure CPU inference latency (ms, batch 1) of the full-size network as metric latency_ms." },
        "device": { "type": "string", "pattern": "DEVICE_PATTERN", "description": "Where networks train: cpu (default), cuda or cuda:N (GPU N; needs a CUDA LibTorch, see docs/gpu.md), or auto (a GPU when there is one). Several workers share one GPU." }
      }
    }
    """.Replace("DEVICE_PATTERN", TorchDevices.Pattern, StringComparison.Ordinal);

    public static VisionEvaluatorOptions From(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = context.Options;
        var dataset = o.Value<string>("dataset") ?? "fashion-mnist";
        Func<VisionData> data;
        string description;
        if (dataset == "fashion-mnist")
        {
            var folder = o.Value<string>("dataFolder") is { } f ? context.ResolvePath(f) : FashionMnist.DefaultFolder;
            if (!Directory.Exists(folder))
            {
                throw new ComponentConfigurationException("dataFolder", folder == FashionMnist.DefaultFolder
                    ? $"Fashion-MNIST is not installed: {folder} does not exist. Install the Debian package with `sudo apt-get install dataset-fashion-mnist`, or set \"dataFolder\" to a folder holding the four IDX files."
                    : $"dataFolder {folder} does not exist; it should hold train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (as the package dataset-fashion-mnist installs them).");
            }

            data = () => VisionData.FashionMnistFrom(folder);
            description = folder;
        }
        else
        {
            var train = o.Value<string>("trainFolder") ?? throw new ComponentConfigurationException("trainFolder", "dataset \"image-folder\" needs \"trainFolder\" (one subfolder per class).");
            var test = o.Value<string>("testFolder") ?? throw new ComponentConfigurationException("testFolder", "dataset \"image-folder\" needs \"testFolder\" (the same class subfolders).");
            var trainPath = context.ResolvePath(train);
            var testPath = context.ResolvePath(test);
            foreach (var (name, path) in new[] { ("trainFolder", trainPath), ("testFolder", testPath) })
            {
                if (!Directory.Exists(path))
                {
                    throw new ComponentConfigurationException(name, $"{name} {path} does not exist.");
                }
            }

            data = () => VisionData.ImageFolders(trainPath, testPath);
            description = trainPath;
        }

        var fidelities = o["fidelities"] is JArray ladder
            ? ladder.Select(f => new EcoNasFidelity((double)f["c"]!, (double)f["r"]!, (double)f["s"]!, (double)f["e"]!)).ToList()
            : EcoNasFidelity.DefaultLadder;
        if (fidelities.Select(f => f.Name).Distinct().Count() != fidelities.Count)
        {
            throw new ComponentConfigurationException("fidelities", "Two fidelities have the same factors; each (c, r, s, e) must differ.");
        }

        return new VisionEvaluatorOptions(data, description, o.Value<int?>("validationSize") ?? 10000, fidelities, o.Value<int?>("threads") ?? 1, o.Value<bool?>("latency") ?? false,
            o.Value<string>("device") ?? "cpu");
    }
}
