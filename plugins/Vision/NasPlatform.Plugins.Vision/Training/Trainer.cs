using NasPlatform.Torch;
using System.Diagnostics;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Networks.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>
/// Trains a network with a recipe, TorchSharp's way: a <see cref="torch.NewDisposeScope"/> around every
/// step (so native memory stays flat however long the run), a cosine learning-rate schedule to zero, soft
/// cross-entropy (label smoothing and mixup as soft targets), and, with <see cref="TrainingRecipe.Ema"/>, an
/// exponential moving average of the weights and batch-norm statistics, which is the model returned.
/// Deterministic for a seed when LibTorch runs on one CPU thread. On a GPU the weights start the same (they are
/// initialised on the CPU and moved), but cuDNN's kernels may sum in a different order from run to run.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains for <c>epochs</c> epochs and returns the model to evaluate (the EMA copy when the recipe has one);
    /// the caller disposes it. <c>onEpoch</c> is called after each epoch with (epoch, epochs, mean training loss).
    /// The model lives on <paramref name="device"/> (default the CPU); batches are assembled on the CPU and copied there.
    /// With a <paramref name="checkpoint"/>, the state is saved after every epoch and a saved state for the same key is
    /// resumed from (its epochs are not reported again through <paramref name="onEpoch"/>).
    /// <paramref name="epochEnded"/>, when given, is called after each epoch (before <c>onEpoch</c>) with the model so far,
    /// for per-epoch validation; evaluating it draws no random numbers, so the trained weights do not change.
    /// </summary>
    // The token precedes the optional device, checkpoint and epoch hook, which callers name (CA1068).
#pragma warning disable CA1068
    public static TrainedModel Fit(NetworkSpec network, TrainingRecipe recipe, ImageSet train, IReadOnlyList<int> trainIndices, int classes, int epochs, int seed,
        Action<int, int, double>? onEpoch = null, CancellationToken cancellationToken = default, Device? device = null, TrainingCheckpoint? checkpoint = null,
        Action<EpochEnd>? epochEnded = null)
#pragma warning restore CA1068
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(train);
        device ??= CPU;
        var random = new CountingRandom(seed);
        var saved = checkpoint?.Load();
        var model = NetworkBuilder.Build(network, recipe.Dropout, seed);
        var ema = recipe.Ema > 0 ? NetworkBuilder.Build(network, recipe.Dropout, seed) : null;
        try
        {
            saved?.LoadWeights(model, ema);
            model.to(device);
            ema?.to(device);
            var dropout = model.modules().OfType<SeededDropout>().FirstOrDefault()?.Generator;
            var batchSize = Math.Min(recipe.BatchSize, trainIndices.Count);
            var stepsPerEpoch = Math.Max(1, trainIndices.Count / batchSize);
            var totalSteps = stepsPerEpoch * epochs;
            using var optimizer = CreateOptimizer(recipe, model.parameters().ToList());
            var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, totalSteps);
            var batches = new BatchBuilder(train, recipe, classes, batchSize, random);
            var order = trainIndices.ToArray();
            var (firstEpoch, lastLoss, firstLoss) = saved is null ? (0, double.NaN, double.NaN) : (Math.Min(saved.Epoch, epochs), saved.Loss, double.NaN);
            Resume(saved, firstEpoch * stepsPerEpoch, schedule, optimizer, order, dropout, device, random);

            long[] inputShape = [batchSize, train.Channels, train.Size, train.Size];
            long[] targetShape = [batchSize, classes];
            var clock = Stopwatch.StartNew();
            model.train();
            // The epoch's loss is summed where the model runs and read once per epoch: reading it every step
            // would make the CPU wait for the GPU at each step.
            using var lossSum = zeros(1, dtype: ScalarType.Float64, device: device);
            for (var epoch = firstEpoch; epoch < epochs; epoch++)
            {
                random.Shuffle(order);
                lossSum.zero_();
                for (var step = 0; step < stepsPerEpoch; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    batches.Fill(order.AsSpan(step * batchSize, batchSize));
                    // The first step's loss is read once: the start a healthy training ends below (DegenerateTraining).
                    var readLoss = double.IsNaN(firstLoss) && epoch == firstEpoch && step == 0;
                    var stepLoss = Step(model, optimizer, batches, inputShape, targetShape, device, lossSum, readLoss);
                    firstLoss = readLoss ? stepLoss : firstLoss;
                    schedule.step();
                    if (ema is not null)
                    {
                        Average(ema, model, WarmedUpDecay(recipe.Ema, epoch * stepsPerEpoch + step));
                    }
                }

                lastLoss = MeanLoss(lossSum, stepsPerEpoch, epoch, recipe.LearningRate);

                checkpoint?.Save(epoch + 1, random.Draws, lastLoss, model, ema, optimizer, order, dropout);
                epochEnded?.Invoke(new EpochEnd(epoch + 1, epochs, lastLoss, ema ?? model));
                onEpoch?.Invoke(epoch + 1, epochs, lastLoss);
            }

            var samplesPerSecond = (epochs - firstEpoch) * stepsPerEpoch * (double)batchSize / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            return Keep(model, ema, new TrainedModel(ema ?? model, lastLoss, totalSteps, samplesPerSecond) { FirstLoss = saved is null ? firstLoss : double.NaN });
        }
        catch
        {
            model.Dispose();
            ema?.Dispose();
            throw;
        }
    }

    private static optim.Optimizer CreateOptimizer(TrainingRecipe recipe, List<TorchSharp.Modules.Parameter> parameters) =>
        recipe.Optimizer == OptimizerKind.Sgd
            ? new NasPlatform.Torch.Optimizers.SGD(parameters, recipe.LearningRate, momentum: 0.9, weightDecay: recipe.WeightDecay, nesterov: true)
            : new NasPlatform.Torch.Optimizers.AdamW(parameters, recipe.LearningRate, weightDecay: recipe.WeightDecay);

    /// <summary>
    /// Puts a resumed run where its checkpoint left it: the schedule stepped on, optimiser, order and generators restored;
    /// nothing to do for a fresh run (no <paramref name="saved"/> state).
    /// </summary>
    private static void Resume(TrainingCheckpoint.Saved? saved, int stepsDone, optim.lr_scheduler.LRScheduler schedule, optim.Optimizer optimizer,
        int[] order, Generator? dropout, Device device, CountingRandom random)
    {
        if (saved is null)
        {
            return;
        }

        for (var s = 0; s < stepsDone; s++)
        {
            schedule.step();
        }

        saved.Restore(optimizer, order, dropout, device);
        random.Skip(saved.Draws);
    }

    /// <summary>The EMA decay after <paramref name="step"/> steps, TensorFlow's warm-up: short runs must not average in the random initial weights.</summary>
    private static double WarmedUpDecay(double decay, int step) => Math.Min(decay, (1.0 + step) / (10.0 + step));

    /// <summary>The epoch's mean training loss, read once from where the model runs; a non-finite one means training diverged.</summary>
    private static double MeanLoss(Tensor lossSum, int stepsPerEpoch, int epoch, double learningRate)
    {
        var loss = lossSum.item<double>() / stepsPerEpoch;
        if (!double.IsFinite(loss))
        {
            throw new InvalidOperationException($"Training diverged in epoch {epoch + 1} (loss {loss}); the learning rate {learningRate} is likely too high for this network.");
        }

        return loss;
    }

    /// <summary>Returns <paramref name="result"/>, whose model is the EMA copy when there is one; the raw model is then disposed.</summary>
    private static TrainedModel Keep(nn.Module<Tensor, Tensor> model, nn.Module<Tensor, Tensor>? ema, TrainedModel result)
    {
        if (ema is not null)
        {
            model.Dispose();
        }

        return result;
    }

    /// <summary>
    /// One optimiser step on a batch (soft cross-entropy), its loss added to <paramref name="lossSum"/> where the model runs;
    /// returns the loss read back only when <paramref name="readLoss"/> (reading makes the CPU wait for the device), NaN otherwise.
    /// </summary>
    private static double Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, BatchBuilder batches, long[] inputShape, long[] targetShape,
        Device device, Tensor lossSum, bool readLoss)
    {
        using (NewDisposeScope())
        {
            var x = tensor(batches.Inputs, inputShape).to(device);
            var targets = tensor(batches.Targets, targetShape).to(device);
            var logits = model.forward(x);
            var loss = -(targets * logits.log_softmax(1)).sum(1).mean();
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum.add_(loss.detach(), Scalars.One);
            return readLoss ? loss.item<float>() : double.NaN;
        }
    }

    /// <summary>
    /// Top-1 accuracy and mean cross-entropy of <paramref name="model"/> on <paramref name="set"/>, in evaluation mode;
    /// the same predictions fill <paramref name="confusion"/> when given. Runs where the model's weights are.
    /// </summary>
    public static (double Accuracy, double Loss) Evaluate(nn.Module<Tensor, Tensor> model, ImageSet set, int batchSize = 500, ConfusionMatrix? confusion = null, bool mirror = false) =>
        Evaluate(model, set, 0, set.Count, batchSize, confusion, mirror);

    /// <summary>Accuracy and mean cross-entropy on images <paramref name="first"/> … <paramref name="first"/> + <paramref name="length"/> − 1 of <paramref name="set"/>.</summary>
    /// <remarks>
    /// With <paramref name="mirror"/> (test-time augmentation) each image is classified by the mean of the class probabilities
    /// of the image and its horizontal mirror (two forward passes). That is sound only for data whose classes survive a
    /// mirror, which a recipe with augmentation already assumes (it flips training images).
    /// </remarks>
    public static (double Accuracy, double Loss) Evaluate(nn.Module<Tensor, Tensor> model, ImageSet set, int first, int length, int batchSize = 500, ConfusionMatrix? confusion = null, bool mirror = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        var device = model.parameters().FirstOrDefault()?.device ?? CPU;
        model.eval();
        using var noGrad = no_grad();
        long correct = 0;
        double lossSum = 0;
        for (var start = first; start < first + length; start += batchSize)
        {
            var count = Math.Min(batchSize, first + length - start);
            using var scope = NewDisposeScope();
            var x = tensor(set.Pixels.AsSpan(start * set.ValuesPerImage, count * set.ValuesPerImage).ToArray(), [count, set.Channels, set.Size, set.Size]).to(device);
            var labels = tensor(set.Labels.AsSpan(start, count).ToArray().Select(b => (long)b).ToArray(), [count]).to(device);
            var logits = model.forward(x);
            if (mirror)
            {
                // Log of the mean probability: cross_entropy's log_softmax leaves log-probabilities as they are.
                logits = logits.softmax(1).add(model.forward(x.flip(3)).softmax(1), Scalars.One).mul(Scalars.Half).log();
            }

            var predicted = logits.argmax(1);
            correct += predicted.eq(labels).sum().item<long>();
            if (confusion is not null)
            {
                var classes = predicted.cpu().data<long>().ToArray();
                for (var i = 0; i < count; i++)
                {
                    confusion.Add(set.Labels[start + i], (int)classes[i]);
                }
            }

            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
        }

        model.train();
        return (correct / (double)length, lossSum / length);
    }

    /// <summary>ema ← d·ema + (1 − d)·model for parameters; batch-norm statistics copied.</summary>
    private static void Average(nn.Module ema, nn.Module model, double decay)
    {
        using var noGrad = no_grad();
        using var s = new ScalarScope();
        var keep = s.Of(decay);
        var fresh = s.Of(1 - decay);
        foreach (var (target, source) in ema.parameters().Zip(model.parameters()))
        {
            target.mul_(keep).add_(source, fresh);
        }

        foreach (var (target, source) in ema.buffers().Zip(model.buffers()))
        {
            target.copy_(source);
        }
    }
}
