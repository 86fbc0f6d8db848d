using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Features;

namespace NasPlatform.Plugins.Eda.Tests.Training;

/// <summary>
/// A small dataset folder in the builder's format with a planted signal, for testing training and
/// scoring in seconds (the real flow is tested in DatasetBuilderTests): the failed-net ratio grows with
/// the mean cell density, and hot tiles are those whose RUDY exceeds 0.7.
/// </summary>
internal static class SyntheticDataset
{
    public static string Write(string root, int designs = 5, int perDesign = 8, int grid = 8, int seed = 0)
    {
        var rng = new Random(seed);
        var tiles = grid * grid;
        var channels = FeatureChannels.All.Count;
        Directory.CreateDirectory(SampleFiles.SamplesFolder(root));
        for (var d = 0; d < designs; d++)
        {
            for (var s = 0; s < perDesign; s++)
            {
                var key = $"syn{d}-s{s}";
                var level = rng.NextDouble();
                var features = new float[channels * tiles];
                var hotspot = new float[tiles];
                for (var t = 0; t < tiles; t++)
                {
                    features[t] = (float)(level + 0.1 * rng.NextDouble());
                    var rudy = rng.NextDouble();
                    features[tiles + t] = (float)rudy;
                    hotspot[t] = rudy > 0.7 ? 1 : 0;
                    for (var c = 2; c < channels; c++)
                        features[c * tiles + t] = (float)rng.NextDouble();
                }

                SampleFiles.WriteFloats(SampleFiles.FeaturesPath(root, key), features);
                SampleFiles.WriteFloats(SampleFiles.HotspotPath(root, key), hotspot);
                SampleFiles.WriteRecord(root, new SampleRecord
                {
                    Key = key, Design = $"syn{d}", Density = 0.7, Seed = s, Layers = 2, Blockage = 0, Status = "ok",
                    Labels = new SampleLabels(100, (int)(level * 50), level * 0.5, 0, (int)hotspot.Sum()),
                    GridSize = grid, Channels = FeatureChannels.All,
                });
            }
        }

        return root;
    }
}
