using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Training;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// The DNA teacher: a network trained once with the <see cref="Trainer"/> and kept on disk as
/// <c>teacher-&lt;key&gt;.bin</c>, the key hashing the network, recipe, epochs, seed, the data's name and the
/// training indices, so a changed fidelity, seed or data set trains a new teacher instead of reusing a stale one.
/// While it trains, its state is kept after every epoch in <c>teacher-&lt;key&gt;.bin.checkpoint/</c>.
/// </summary>
public static class TeacherCache
{
    /// <summary>The cached teacher, or a freshly trained one (then saved); the caller disposes it. <c>Trained</c> says which.</summary>
    public static (nn.Module<Tensor, Tensor> Model, bool Trained) LoadOrTrain(string folder, NetworkSpec teacher, TrainingRecipe recipe, ImageSet train,
        IReadOnlyList<int> trainIndices, int classes, int epochs, int seed, string dataKey, Action<int, int, double>? onEpoch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(trainIndices);
        Directory.CreateDirectory(folder);
        var path = PathOf(folder, Key(teacher, recipe, trainIndices, epochs, seed, dataKey));
        if (File.Exists(path))
        {
            var model = NetworkBuilder.Build(teacher, recipe.Dropout, seed);
            model.load(path);
            model.eval();
            return (model, false);
        }

        // Checkpointed beside the cache file, so a search killed while its teacher trains resumes the teacher's training.
        var checkpoint = new TrainingCheckpoint(path + ".checkpoint", Path.GetFileName(path));
        var trained = Trainer.Fit(teacher, recipe, train, trainIndices, classes, epochs, seed, onEpoch, cancellationToken, checkpoint: checkpoint);
        var temporary = path + ".tmp";
        trained.Model.save(temporary);
        File.Move(temporary, path, overwrite: true);
        checkpoint.Delete();
        trained.Model.eval();
        return (trained.Model, true);
    }

    /// <summary>The file a teacher with <paramref name="key"/> is cached in.</summary>
    public static string PathOf(string folder, string key) => Path.Combine(folder, $"teacher-{key}.bin");

    /// <summary>Hex SHA-256 (16 characters) of everything the trained weights depend on.</summary>
    public static string Key(NetworkSpec teacher, TrainingRecipe recipe, IReadOnlyList<int> trainIndices, int epochs, int seed, string dataKey)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(trainIndices);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{teacher.InChannels}x{teacher.Resolution}|")
            .AppendJoin(';', teacher.Layers)
            .Append(CultureInfo.InvariantCulture, $"|{recipe}|{epochs}|{seed}|{dataKey}|")
            .AppendJoin(',', trainIndices)
            .ToString();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
