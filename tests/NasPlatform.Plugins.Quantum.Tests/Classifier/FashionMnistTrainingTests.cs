using System.Diagnostics;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Quantum.Classifier;
using NasPlatform.Plugins.Quantum.Data;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests.Classifier;

/// <summary>End to end on the real data: PCA features of t-shirt/top vs trouser, a small hand-written circuit, plain Adam.</summary>
public sealed class FashionMnistTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void Four_qubit_classifier_separates_tshirts_from_trousers_on_the_official_test_split()
    {
        var watch = Stopwatch.StartNew();
        var data = FeatureDataset.Load(TestCache.Shared, new FeatureDatasetOptions(ClassA: 0, ClassB: 1, Features: 4, TrainSamples: 200, Seed: 1));
        var prepared = watch.Elapsed;
        var model = new QuantumClassifier(ClassifierCircuits.RyCnotLayers(4, 2), new AngleEncoding(4));
        var objective = new ClassifierObjective(model, data.Train, batchSize: 25, new Random(2));
        var theta = ClassifierCircuits.RandomParameters(objective.Dimension, new Random(3), scale: 0.1);

        watch.Restart();
        var steps = Adam(objective, theta, steps: 120, learningRate: 0.1);
        var trained = watch.Elapsed;
        var train = model.Evaluate(data.Train, theta);
        var test = model.Evaluate(data.Test, theta);
        output.WriteLine($"data {prepared.TotalSeconds:F2} s, {steps} Adam steps of 25 samples in {trained.TotalSeconds:F2} s; "
            + $"train accuracy {train.Accuracy:F3} (loss {train.Loss:F3}), test accuracy {test.Accuracy:F3} (loss {test.Loss:F3}) on {test.Count} samples");

        Assert.Equal(2000, test.Count);
        Assert.True(test.Accuracy >= 0.9, $"test accuracy {test.Accuracy:F3} is below 0.9");
        Assert.True(train.Accuracy >= 0.9, $"train accuracy {train.Accuracy:F3} is below 0.9");
    }

    /// <summary>Textbook Adam (Kingma &amp; Ba), here only to drive the test; the plugin's optimizers live in Training/.</summary>
    private static int Adam(ClassifierObjective objective, double[] theta, int steps, double learningRate)
    {
        var gradient = new double[theta.Length];
        var m = new double[theta.Length];
        var v = new double[theta.Length];
        for (var t = 1; t <= steps; t++)
        {
            objective.Evaluate(theta, gradient);
            for (var p = 0; p < theta.Length; p++)
            {
                m[p] = 0.9 * m[p] + 0.1 * gradient[p];
                v[p] = 0.999 * v[p] + 0.001 * gradient[p] * gradient[p];
                var mHat = m[p] / (1 - Math.Pow(0.9, t));
                var vHat = v[p] / (1 - Math.Pow(0.999, t));
                theta[p] -= learningRate * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        }

        return steps;
    }
}
