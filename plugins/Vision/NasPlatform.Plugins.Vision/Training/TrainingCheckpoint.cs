using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>
/// Where a long training keeps its state after every epoch, so a killed or interrupted run continues from its
/// last finished epoch and ends where an uninterrupted run would have (bit for bit on one CPU thread): the
/// weights (and the EMA copy), the optimizer's state, the image order, how many random numbers were drawn and
/// the dropout generator's state. A checkpoint made for another <see cref="Key"/> (another candidate, seed,
/// epoch count or image set) is ignored. Written to a side folder and swapped in, so a kill while saving
/// leaves the previous epoch's checkpoint.
/// </summary>
public sealed class TrainingCheckpoint(string folder, string key)
{
    private const string StateFile = "state.json";

    public string Folder { get; } = Path.GetFullPath(folder);

    public string Key { get; } = key;

    private string Previous => Folder + ".previous";

    private string Next => Folder + ".next";

    /// <summary>The state of the last finished epoch for <see cref="Key"/>, or null (nothing saved, or saved for another key).</summary>
    internal Saved? Load()
    {
        foreach (var candidate in new[] { Folder, Previous })
        {
            var state = Path.Combine(candidate, StateFile);
            if (!File.Exists(state))
            {
                continue;
            }

            JObject json;
            try
            {
                json = JObject.Parse(File.ReadAllText(state));
            }
            catch (JsonException)
            {
                continue;
            }

            if ((string?)json["key"] != Key)
            {
                return null;
            }

            return new Saved(candidate, (int)json["epoch"]!, (long)json["draws"]!, (double)json["loss"]!);
        }

        return null;
    }

    internal void Save(int epoch, long draws, double loss, nn.Module model, nn.Module? ema, optim.Optimizer optimizer, int[] order, Generator? dropout)
    {
        if (Directory.Exists(Next))
        {
            Directory.Delete(Next, recursive: true);
        }

        Directory.CreateDirectory(Next);
        model.save(Path.Combine(Next, "model.bin"));
        ema?.save(Path.Combine(Next, "ema.bin"));
        ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(Path.Combine(Next, "optimizer.bin"));
        var orderBytes = new byte[order.Length * sizeof(int)];
        Buffer.BlockCopy(order, 0, orderBytes, 0, orderBytes.Length);
        File.WriteAllBytes(Path.Combine(Next, "order.bin"), orderBytes);
        if (dropout is not null)
        {
            using var state = dropout.get_state();
            File.WriteAllBytes(Path.Combine(Next, "dropout.bin"), state.data<byte>().ToArray());
        }

        File.WriteAllText(Path.Combine(Next, StateFile), new JObject
        {
            ["key"] = Key,
            ["epoch"] = epoch,
            ["draws"] = draws,
            ["loss"] = loss,
            ["saved"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        }.ToString(Formatting.Indented));

        if (Directory.Exists(Previous))
        {
            Directory.Delete(Previous, recursive: true);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Move(Folder, Previous);
        }

        Directory.Move(Next, Folder);
        if (Directory.Exists(Previous))
        {
            Directory.Delete(Previous, recursive: true);
        }
    }

    /// <summary>Removes the checkpoint (after the training's result is safely written).</summary>
    public void Delete()
    {
        foreach (var folder in new[] { Folder, Previous, Next })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    internal sealed record Saved(string Folder, int Epoch, long Draws, double Loss)
    {
        public void Restore(optim.Optimizer optimizer, int[] order, Generator? dropout, Device device)
        {
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(Path.Combine(Folder, "optimizer.bin"));
            ((TorchSharp.Modules.OptimizerHelper)optimizer).to(device);
            var orderBytes = File.ReadAllBytes(Path.Combine(Folder, "order.bin"));
            if (orderBytes.Length != order.Length * sizeof(int))
            {
                throw new InvalidDataException($"{Folder}: order.bin holds {orderBytes.Length / sizeof(int)} image indices, the training {order.Length}; delete the folder to start over.");
            }

            Buffer.BlockCopy(orderBytes, 0, order, 0, orderBytes.Length);
            var dropoutFile = Path.Combine(Folder, "dropout.bin");
            if (dropout is not null && File.Exists(dropoutFile))
            {
                using var state = tensor(File.ReadAllBytes(dropoutFile));
                dropout.set_state(state);
            }
        }

        public void LoadWeights(nn.Module model, nn.Module? ema)
        {
            model.load(Path.Combine(Folder, "model.bin"));
            ema?.load(Path.Combine(Folder, "ema.bin"));
        }
    }
}
