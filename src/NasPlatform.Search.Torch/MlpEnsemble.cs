using NasPlatform.Torch;
using NasPlatform.Abstractions.Predictors;
using NasPlatform.Search.Predictors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPlatform.Search.Torch;

/// <summary>
/// An ensemble of K multilayer perceptrons (ReLU, <see cref="MlpEnsembleOptions.HiddenLayers"/> hidden
/// layers) in TorchSharp on the CPU, trained together as one batched model (weights of shape
/// [K, in, out]) so that K members cost about as much as one. Each member starts from its own
/// initial weights, drawn from seed <c>SeedSequence.Derive(seed, k)</c>; the mean of the members is
/// the prediction and their standard deviation the uncertainty (deep ensembles, Lakshminarayanan
/// et al. 2017). Loss: MSE on standardized targets, plus optionally a pairwise RankNet loss.
/// </summary>
/// <remarks>
/// Pretraining (the NARS idea): <see cref="Pretrain"/> fits the trunk, with a head of its own, to
/// the free statistics of many sampled candidates; every later <see cref="Fit"/> starts from that
/// trunk with a fresh head. Determinism: no global random state is used (every draw comes from
/// a seeded <see cref="Generator"/> or <see cref="Random"/>) and full-batch training has no
/// shuffling, so the same data and seed give the same weights on a given machine.
/// </remarks>
public sealed class MlpEnsemble : IPretrainablePredictor, IDisposable
{
    /// <summary>The name strategies and commands use for this predictor.</summary>
    public const string PredictorName = MlpEnsembleOptions.PredictorName;

    /// <summary>This predictor, offered under <see cref="PredictorName"/>.</summary>
    public static PredictorKind Kind { get; } = new(PredictorName, settings => new MlpEnsemble(settings.Mlp));

    private readonly MlpEnsembleOptions _options;
    private float[][]? _pretrainedTrunk;
    private ColumnScaler? _pretrainScaler;
    private ColumnScaler? _scaler;
    private List<Parameter> _trunk = [];
    private Parameter[] _head = [];
    private double _targetMean;
    private double _targetScale = 1;
    private bool _disposed;

    public MlpEnsemble(MlpEnsembleOptions? options = null)
    {
        _options = options ?? new MlpEnsembleOptions();
        _options.Check();
        TorchRuntime.EnsureAvailable();
    }

    public string Name => PredictorName;

    public MlpEnsembleOptions Options => _options;

    public bool IsFitted => _scaler is not null && _head.Length > 0;

    public bool IsPretrained => _pretrainedTrunk is not null;

    public void Pretrain(IReadOnlyList<double[]> encodings, IReadOnlyList<double[]> auxiliaryTargets, int seed)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(auxiliaryTargets);
        PredictorData.CheckRows(encodings, auxiliaryTargets.Count, nameof(auxiliaryTargets));
        var targets = AuxiliaryTargets(auxiliaryTargets);
        var scaler = ColumnScaler.Fit(encodings);
        var n = encodings.Count;
        var width = scaler.Width;
        var outputs = targets[0].Length;

        var trunk = NewTrunk(width, seed);
        var head = NewLayer(_options.HiddenWidth, outputs, SeedSequence.Derive(seed, 1_000_000));
        try
        {
            using var x = tensor(scaler.TransformFlat(encodings, 0, n), [n, width]);
            using var y = tensor(targets.SelectMany(r => r.Select(v => (float)v)).ToArray(), [n, outputs]);
            using var optimizer = new AdamOptimizer(trunk.Concat(head), _options.LearningRate, _options.WeightDecay);
            var order = Enumerable.Range(0, n).ToArray();
            var shuffle = new Random(SeedSequence.Derive(seed, 2_000_000));
            for (var epoch = 0; epoch < _options.PretrainEpochs; epoch++)
            {
                shuffle.Shuffle(order);
                for (var start = 0; start < n; start += _options.PretrainBatchSize)
                {
                    using var scope = NewDisposeScope();
                    var count = Math.Min(_options.PretrainBatchSize, n - start);
                    var index = tensor(order.AsSpan(start, count).ToArray().Select(i => (long)i).ToArray());
                    var batchX = x.index_select(0, index);
                    var batchY = y.index_select(0, index);
                    optimizer.ZeroGrad();
                    var predicted = Output(Trunk(batchX, trunk), head);
                    var loss = (predicted - batchY.unsqueeze(0)).pow(Scalars.Two).mean();
                    loss.backward();
                    optimizer.Step();
                }
            }

            _pretrainedTrunk = trunk.Select(p => p.detach().data<float>().ToArray()).ToArray();
            _pretrainScaler = scaler;
        }
        finally
        {
            DisposeAll(trunk);
            DisposeAll(head);
        }
    }

    public void Fit(IReadOnlyList<double[]> encodings, IReadOnlyList<double> targets, int seed)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(targets);
        PredictorData.CheckRows(encodings, targets.Count, nameof(targets));
        if (targets.Any(t => !double.IsFinite(t)))
        {
            throw new ArgumentException("Every target must be finite.", nameof(targets));
        }

        var scaler = _pretrainScaler ?? ColumnScaler.Fit(encodings);
        var n = encodings.Count;
        _targetMean = targets.Average();
        var deviation = Math.Sqrt(targets.Sum(t => (t - _targetMean) * (t - _targetMean)) / n);
        _targetScale = deviation > 1e-12 ? deviation : 1.0;
        var scaled = targets.Select(t => (float)((t - _targetMean) / _targetScale)).ToArray();

        DisposeAll(_trunk);
        DisposeAll(_head);
        _trunk = NewTrunk(scaler.Width, seed);
        _head = NewLayer(_options.HiddenWidth, 1, SeedSequence.Derive(seed, 1_000_000));
        _scaler = scaler;

        using var x = tensor(scaler.TransformFlat(encodings, 0, n), [n, scaler.Width]);
        using var y = tensor(scaled, [1, n]);
        using var better = RankingPairs(scaled);
        using var optimizer = new AdamOptimizer(_trunk.Concat(_head), _options.LearningRate, _options.WeightDecay);
        // Scalars explicit and held for the whole fit (see NasPlatform.Torch.ScalarScope).
        using var s = new ScalarScope();
        var members = s.Of((long)_options.EnsembleSize);
        var rankingWeight = s.Of(_options.RankingLossWeight);
        for (var step = 0; step < _options.Epochs; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            var predicted = Output(Trunk(x, _trunk), _head).squeeze(-1);
            var loss = (predicted - y).pow(Scalars.Two).mean();
            if (better is not null)
            {
                // RankNet: -log σ(p_i − p_j) over the pairs where y_i > y_j, averaged over members and pairs.
                var difference = predicted.unsqueeze(2) - predicted.unsqueeze(1);
                var pairs = better.sum();
                var rank = (Softplus(-difference) * better).sum() / pairs.mul(members).clamp_min(Scalars.One);
                loss = loss.add(rank, rankingWeight);
            }

            loss.backward();
            optimizer.Step();
        }
    }

    public Prediction Predict(IReadOnlyList<double[]> encodings)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(encodings);
        if (!IsFitted)
        {
            throw new InvalidOperationException("The predictor has not been fitted; call Fit first.");
        }

        var n = encodings.Count;
        var mean = new double[n];
        var spread = new double[n];
        var chunks = (n + _options.PredictBatchSize - 1) / _options.PredictBatchSize;
        // Large batches are scored in chunks on several threads (each chunk's tensors belong to its
        // thread); the chunks depend only on the row count, so the numbers do not depend on the threads.
        var bad = encodings.Select((row, index) => (row, index)).FirstOrDefault(r => r.row.Length != _scaler!.Width);
        if (bad.row is not null)
        {
            throw new ArgumentException($"Row {bad.index} has {bad.row.Length} values; the predictor was fitted to rows of {_scaler!.Width}.", nameof(encodings));
        }

        if (chunks == 1)
        {
            PredictChunk(encodings, 0, mean, spread);
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk => PredictChunk(encodings, chunk * _options.PredictBatchSize, mean, spread));
        }
        return new Prediction(mean, spread);
    }

    private void PredictChunk(IReadOnlyList<double[]> encodings, int start, double[] mean, double[] spread)
    {
        var k = _options.EnsembleSize;
        var count = Math.Min(_options.PredictBatchSize, encodings.Count - start);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = tensor(_scaler!.TransformFlat(encodings, start, count), [count, _scaler.Width]);
        var members = Output(Trunk(x, _trunk), _head).squeeze(-1).data<float>().ToArray();
        for (var i = 0; i < count; i++)
        {
            double sum = 0;
            for (var m = 0; m < k; m++)
            {
                sum += members[(m * count) + i];
            }

            var average = sum / k;
            double squares = 0;
            for (var m = 0; m < k; m++)
            {
                var d = members[(m * count) + i] - average;
                squares += d * d;
            }

            mean[start + i] = (average * _targetScale) + _targetMean;
            spread[start + i] = Math.Sqrt(squares / k) * _targetScale;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        DisposeAll(_trunk);
        DisposeAll(_head);
    }

    /// <summary>Free statistics vary over orders of magnitude: non-negative columns are log-transformed, then every column standardized.</summary>
    private static double[][] AuxiliaryTargets(IReadOnlyList<double[]> rows)
    {
        var width = rows[0].Length;
        var transformed = rows.Select(r => r.ToArray()).ToArray();
        for (var c = 0; c < width; c++)
        {
            if (transformed.Any(r => !double.IsFinite(r[c])))
            {
                throw new ArgumentException($"Auxiliary target column {c} has a value that is not finite.", nameof(rows));
            }

            if (transformed.All(r => r[c] >= 0))
            {
                foreach (var r in transformed)
                {
                    r[c] = Math.Log(1 + r[c]);
                }
            }
        }

        var scaler = ColumnScaler.Fit(transformed);
        return transformed.Select(r => Enumerable.Range(0, width).Select(c => (r[c] - scaler.Mean(c)) / scaler.Scale(c)).ToArray()).ToArray();
    }

    /// <summary>1 where target i is above target j: the pairs the ranking loss orders; null when the loss is off.</summary>
    private Tensor? RankingPairs(float[] targets)
    {
        if (_options.RankingLossWeight <= 0)
        {
            return null;
        }

        var n = targets.Length;
        var mask = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                mask[(i * n) + j] = targets[i] > targets[j] ? 1f : 0f;
            }
        }

        return tensor(mask, [1, n, n]);
    }

    private List<Parameter> NewTrunk(int inputs, int seed)
    {
        var layers = new List<Parameter>();
        var width = inputs;
        for (var l = 0; l < _options.HiddenLayers; l++)
        {
            var layer = _pretrainedTrunk is { } pretrained
                ? FromValues(pretrained[2 * l], [_options.EnsembleSize, width, _options.HiddenWidth], pretrained[(2 * l) + 1], [_options.EnsembleSize, 1, _options.HiddenWidth])
                : NewLayer(width, _options.HiddenWidth, SeedSequence.Derive(seed, l));
            layers.AddRange(layer);
            width = _options.HiddenWidth;
        }

        return layers;
    }

    /// <summary>Weights and biases of K members, uniform in ±1/√fan-in (torch.nn.Linear's initialisation), member k from its own seed.</summary>
    private Parameter[] NewLayer(int inputs, int outputs, int seed)
    {
        var k = _options.EnsembleSize;
        var bound = 1.0 / Math.Sqrt(inputs);
        var weights = new float[k * inputs * outputs];
        var biases = new float[k * outputs];
        for (var m = 0; m < k; m++)
        {
            var rng = new Random(SeedSequence.Derive(seed, m));
            for (var i = 0; i < inputs * outputs; i++)
            {
                weights[(m * inputs * outputs) + i] = (float)(((2 * rng.NextDouble()) - 1) * bound);
            }

            for (var i = 0; i < outputs; i++)
            {
                biases[(m * outputs) + i] = (float)(((2 * rng.NextDouble()) - 1) * bound);
            }
        }

        return FromValues(weights, [k, inputs, outputs], biases, [k, 1, outputs]);
    }

    private static Parameter[] FromValues(float[] weights, long[] weightShape, float[] biases, long[] biasShape) =>
    [
        new Parameter(tensor(weights, weightShape), requires_grad: true),
        new Parameter(tensor(biases, biasShape), requires_grad: true),
    ];

    /// <summary>[n, d] → [K, n, hidden] through the ReLU layers.</summary>
    private Tensor Trunk(Tensor x, IReadOnlyList<Parameter> trunk)
    {
        var h = x.unsqueeze(0).expand(_options.EnsembleSize, -1, -1);
        for (var l = 0; l < trunk.Count; l += 2)
        {
            h = nn.functional.relu(bmm(h, trunk[l]).add(trunk[l + 1], Scalars.One));
        }

        return h;
    }

    private static Tensor Output(Tensor hidden, IReadOnlyList<Parameter> head) => bmm(hidden, head[0]).add(head[1], Scalars.One);

    /// <summary>log(1 + e^z) in the overflow-free form max(z, 0) + log(1 + e^−|z|); TorchSharp's softplus makes its beta and threshold Scalars behind our back.</summary>
    private static Tensor Softplus(Tensor z) => nn.functional.relu(z).add(z.abs().neg().exp().log1p(), Scalars.One);

    private static void DisposeAll(IEnumerable<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            p.Dispose();
        }
    }
}
