using NasPlatform.Plugins.Quantum.Classifier;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Classifier;

public sealed class ClassifierObjectiveTests
{
    private const int Qubits = 4;

    [Theory]
    [InlineData(ClassifierReadout.Z0, ClassifierLoss.CrossEntropy, GateKind.RY)]
    [InlineData(ClassifierReadout.Z0, ClassifierLoss.SquaredError, GateKind.RX)]
    [InlineData(ClassifierReadout.Parity, ClassifierLoss.CrossEntropy, GateKind.RX)]
    [InlineData(ClassifierReadout.Parity, ClassifierLoss.SquaredError, GateKind.RY)]
    public void Gradient_equals_central_finite_differences(ClassifierReadout readout, ClassifierLoss loss, GateKind encoding)
    {
        var random = new Random(11);
        var model = new QuantumClassifier(ClassifierCircuits.Mixed(Qubits), new AngleEncoding(Qubits, encoding), readout, loss);
        var train = ClassifierCircuits.RandomSplit(12, Qubits, random);
        var objective = new ClassifierObjective(model, train, batchSize: 0, new Random(1));
        var theta = ClassifierCircuits.RandomParameters(objective.Dimension, random, scale: Math.PI);
        var gradient = new double[objective.Dimension];

        var value = objective.Evaluate(theta, gradient);

        Assert.Equal(Enumerable.Range(0, train.Count).Average(i => Loss(model, train.Row(i), theta, train.Labels[i])), value, 12);
        const double h = 1e-5;
        var scratch = new double[objective.Dimension];
        for (var p = 0; p < theta.Length; p++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[p] += h;
            minus[p] -= h;
            var numeric = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[p]) < 1e-6, $"parameter {p}: adjoint {gradient[p]}, finite difference {numeric}");
        }
    }

    /// <summary>The loss from a plain gate-by-gate simulation of encoding + ansatz, independent of the classifier's plan.</summary>
    private static double Loss(QuantumClassifier model, ReadOnlySpan<double> features, double[] theta, int label)
    {
        var state = new StateVector(Qubits);
        model.Encoding.Circuit.Apply(state, features);
        model.Ansatz.Apply(state, theta);
        var score = model.Observable.Expectation(state);
        var target = label == 0 ? 1 : -1;
        return model.Loss == ClassifierLoss.SquaredError ? (score - target) * (score - target) : -Math.Log((1 + target * score) / 2);
    }

    [Fact]
    public void Each_epoch_of_mini_batches_visits_every_sample_once()
    {
        // Two mini-batches of 5 are one epoch of 10 samples: their mean losses add up to twice the
        // full-batch loss only when each sample is visited exactly once.
        var random = new Random(5);
        var train = ClassifierCircuits.RandomSplit(10, 1, random);
        var model = new QuantumClassifier(new Circuit(1).RY(0, Angle.Parameter(0)), new AngleEncoding(1), ClassifierReadout.Z0, ClassifierLoss.SquaredError);
        var objective = new ClassifierObjective(model, train, batchSize: 5, new Random(3));
        var gradient = new double[1];

        var epoch = objective.Evaluate([0.0], gradient) + objective.Evaluate([0.0], gradient);

        Assert.Equal(2 * objective.EvaluateAll([0.0], gradient), epoch, 12);
        Assert.False(objective.IsFullBatch);
        Assert.Equal(2, objective.Evaluations);
    }

    [Fact]
    public void Results_do_not_depend_on_parallelism_beyond_rounding()
    {
        var random = new Random(9);
        var model = new QuantumClassifier(ClassifierCircuits.RyCnotLayers(Qubits, 2), new AngleEncoding(Qubits));
        var train = ClassifierCircuits.RandomSplit(40, Qubits, random);
        var theta = ClassifierCircuits.RandomParameters(model.ParameterCount, random);
        var serial = new double[model.ParameterCount];
        var parallel = new double[model.ParameterCount];

        var a = new ClassifierObjective(model, train, 16, new Random(2), parallelism: 1);
        var b = new ClassifierObjective(model, train, 16, new Random(2), parallelism: 3);
        for (var step = 0; step < 4; step++)
        {
            Assert.Equal(a.Evaluate(theta, serial), b.Evaluate(theta, parallel), 12);
            for (var p = 0; p < serial.Length; p++)
            {
                Assert.Equal(serial[p], parallel[p], 12);
            }
        }

        var one = model.Evaluate(train, theta, parallelism: 1);
        var three = model.Evaluate(train, theta, parallelism: 3);
        Assert.Equal(one.Accuracy, three.Accuracy);
        Assert.Equal(one.Loss, three.Loss, 12);
    }

    [Fact]
    public void Rejects_data_with_a_feature_count_other_than_the_qubit_count()
    {
        var model = new QuantumClassifier(ClassifierCircuits.RyCnotLayers(Qubits, 1), new AngleEncoding(Qubits));

        var e = Assert.Throws<ArgumentException>(() => new ClassifierObjective(model, ClassifierCircuits.RandomSplit(4, 3, new Random(1)), 2, new Random(1)));

        Assert.Contains("4 qubits but the data 3 features", e.Message);
    }
}
