using NasPlatform.Plugins.Quantum.Data;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>
/// The mean training loss of a <see cref="QuantumClassifier"/> over a mini-batch, with its exact gradient
/// (adjoint differentiation per sample, chain rule through the loss). Each <see cref="Evaluate"/> call takes
/// the next mini-batch of a seeded shuffle of the training set (a new shuffle per epoch), which suits
/// stochastic optimizers such as Adam; with <c>batchSize</c> 0 or at least the training-set size every call
/// uses all samples, a deterministic objective for L-BFGS. Samples are split into <c>parallelism</c> fixed
/// chunks summed in order, so results do not depend on thread scheduling. Not thread-safe.
/// </summary>
public sealed class ClassifierObjective : IDifferentiableObjective
{
    private readonly QuantumClassifier _model;
    private readonly FeatureSplit _train;
    private readonly Random _random;
    private readonly int[] _order;
    private readonly ClassifierWorkspace[] _workspaces;
    private readonly double[][] _chunkGradients;
    private readonly double[][] _sampleGradients;
    private readonly double[] _chunkLoss;
    private int _cursor;

    public ClassifierObjective(QuantumClassifier model, FeatureSplit train, int batchSize, Random random, int parallelism = 1, Precision precision = Precision.Double)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(random);
        model.RequireFeatures(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(train));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(batchSize);
        _model = model;
        _train = train;
        _random = random;
        BatchSize = batchSize == 0 || batchSize >= train.Count ? train.Count : batchSize;
        _order = Enumerable.Range(0, train.Count).ToArray();
        _cursor = train.Count; // shuffle before the first mini-batch
        var chunks = Math.Clamp(parallelism, 1, BatchSize);
        _workspaces = [.. Enumerable.Range(0, chunks).Select(_ => new ClassifierWorkspace(model.Qubits, precision))];
        _chunkGradients = [.. Enumerable.Range(0, chunks).Select(_ => new double[model.ParameterCount])];
        _sampleGradients = [.. Enumerable.Range(0, chunks).Select(_ => new double[model.ParameterCount])];
        _chunkLoss = new double[chunks];
    }

    public int Dimension => _model.ParameterCount;

    /// <summary>Samples per call (the whole training set when it is a full-batch objective).</summary>
    public int BatchSize { get; }

    public bool IsFullBatch => BatchSize == _train.Count;

    /// <summary>Number of <see cref="Evaluate"/> calls so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// The parameters of the latest <see cref="Evaluate"/> call (empty before the first). With mini-batches
    /// the optimizer's "best" point is judged on one noisy batch; the last iterate is a second candidate.
    /// </summary>
    public double[] LastParameters { get; private set; } = [];

    /// <summary>The mean loss over the next mini-batch; writes its gradient.</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        Evaluations++;
        LastParameters = parameters.ToArray();
        if (IsFullBatch)
        {
            return EvaluateAll(parameters, gradient);
        }

        if (_cursor + BatchSize > _order.Length)
        {
            _random.Shuffle(_order);
            _cursor = 0;
        }

        var batch = new ArraySegment<int>(_order, _cursor, BatchSize);
        _cursor += BatchSize;
        return Run(parameters, gradient, batch);
    }

    /// <summary>The mean loss over every training sample (sample order), with its gradient; does not advance the mini-batches.</summary>
    public double EvaluateAll(ReadOnlySpan<double> parameters, Span<double> gradient) =>
        Run(parameters, gradient, new ArraySegment<int>(Enumerable.Range(0, _train.Count).ToArray()));

    private double Run(ReadOnlySpan<double> parameters, Span<double> gradient, ArraySegment<int> batch)
    {
        if (parameters.Length != Dimension)
        {
            throw new ArgumentException($"The classifier has {Dimension} parameters, got {parameters.Length}.", nameof(parameters));
        }

        if (gradient.Length < Dimension)
        {
            throw new ArgumentException($"The gradient needs {Dimension} entries, has {gradient.Length}.", nameof(gradient));
        }

        var theta = parameters.ToArray();
        var chunks = _workspaces.Length;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            var workspace = _workspaces[c];
            var sum = _chunkGradients[c];
            var sample = _sampleGradients[c];
            Array.Clear(sum);
            var loss = 0.0;
            var (start, end) = QuantumClassifier.ChunkBounds(batch.Count, chunks, c);
            for (var b = start; b < end; b++)
            {
                var i = batch[b];
                var score = _model.ScoreWithGradient(_train.Row(i), theta, sample, workspace);
                var (value, slope) = _model.LossOf(score, _train.Labels[i]);
                loss += value;
                for (var p = 0; p < sum.Length; p++)
                {
                    sum[p] += slope * sample[p];
                }
            }

            _chunkLoss[c] = loss;
        });

        var scale = 1.0 / batch.Count;
        gradient[..Dimension].Clear();
        var total = 0.0;
        for (var c = 0; c < chunks; c++)
        {
            total += _chunkLoss[c];
            for (var p = 0; p < Dimension; p++)
            {
                gradient[p] += _chunkGradients[c][p] * scale;
            }
        }

        return total * scale;
    }
}
