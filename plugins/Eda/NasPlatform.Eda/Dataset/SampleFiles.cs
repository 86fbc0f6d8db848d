using System.Runtime.InteropServices;
using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// The files of a dataset folder: spec.json, placements/PKEY/ (qflow projects), samples/KEY.json with
/// KEY.features.bin and KEY.hotspot.bin. The record is written last, by rename, so a sample whose
/// record exists is complete; a kill leaves at most stray .bin files, rewritten on resume.
/// </summary>
public static class SampleFiles
{
    public static string SamplesFolder(string root) => Path.Combine(root, "samples");

    public static string RecordPath(string root, string key) => Path.Combine(SamplesFolder(root), key + ".json");

    public static string FeaturesPath(string root, string key) => Path.Combine(SamplesFolder(root), key + ".features.bin");

    public static string HotspotPath(string root, string key) => Path.Combine(SamplesFolder(root), key + ".hotspot.bin");

    public static void WriteRecord(string root, SampleRecord record)
    {
        var path = RecordPath(root, record.Key);
        var temporary = path + ".partial";
        File.WriteAllText(temporary, JsonConvert.SerializeObject(record, Formatting.Indented));
        File.Move(temporary, path, overwrite: true);
    }

    public static void WriteFloats(string path, float[] values)
    {
        var temporary = path + ".partial";
        File.WriteAllBytes(temporary, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    public static float[] ReadFloats(string path, int expected)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != expected * sizeof(float))
            throw new InvalidDataException($"{path} holds {bytes.Length / sizeof(float)} values; expected {expected}. Delete the sample's .json to rebuild it.");
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    public static IReadOnlyList<SampleRecord> ReadRecords(string root)
    {
        var folder = SamplesFolder(root);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{root} is not an EDA dataset (no samples/ folder); build one with 'nas eda dataset {root}'.");
        var records = new List<SampleRecord>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                records.Add(JsonConvert.DeserializeObject<SampleRecord>(File.ReadAllText(file))
                    ?? throw new InvalidDataException($"{file} is empty."));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{file}: not a sample record ({e.Message}); delete it to rebuild the sample.", e);
            }
        }

        return records;
    }
}
