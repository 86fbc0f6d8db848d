using Newtonsoft.Json;
using NasPlatform.Eda.Dataset;

namespace NasPlatform.Plugins.Eda.Tests.Dataset;

public sealed class SweepSpecTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nas-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ASpecJsonReadsBackWithItsOwnListsNotTheDefaultsAppendedTo()
    {
        // A cluster worker's --placement run builds from spec.json: its lists must be the stored ones.
        var spec = new SweepSpec { Designs = ["mul2"], Densities = [0.6, 0.8], Seeds = 1, Layers = [2], Blockages = [0.0], Derates = [0.0, 0.34], GridSize = 8 };
        var path = Path.Combine(_dir, "spec.json");
        File.WriteAllText(path, JsonConvert.SerializeObject(spec, Formatting.Indented));

        var read = SweepSpec.Read(path);

        Assert.Equal(["mul2"], read.Designs);
        Assert.Equal([0.6, 0.8], read.Densities);
        Assert.Equal([2], read.Layers);
        Assert.Equal([0.0], read.Blockages);
        Assert.Equal([0.0, 0.34], read.Derates);
        Assert.Equal(spec.SampleCount, read.SampleCount);
        Assert.Equal(File.ReadAllText(path), JsonConvert.SerializeObject(read, Formatting.Indented));
    }
}
