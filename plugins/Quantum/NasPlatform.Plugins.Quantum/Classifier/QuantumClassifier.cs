using NasPlatform.Plugins.Quantum.Data;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>
/// A variational quantum classifier: the angle encoding of a sample's features, then the candidate's
/// parameterized circuit (the ansatz), then the readout expectation E ∈ [−1, 1]. Class 0 is E &gt; 0 (|0⟩ on
/// the readout), class 1 is E &lt; 0, and P(class 1) = (1 − E)/2. Stateless apart from its definition: safe
/// to share across threads, each with its own <see cref="ClassifierWorkspace"/>.
/// </summary>
public sealed class QuantumClassifier
{
    private const double MinProbability = 1e-12;
    private readonly FusedCircuit _ansatzPlan;

    public QuantumClassifier(Circuit ansatz, AngleEncoding encoding, ClassifierReadout readout = ClassifierReadout.Z0, ClassifierLoss loss = ClassifierLoss.CrossEntropy)
    {
        ArgumentNullException.ThrowIfNull(ansatz);
        ArgumentNullException.ThrowIfNull(encoding);
        if (ansatz.NumQubits != encoding.Qubits)
        {
            throw new ArgumentException($"The circuit has {ansatz.NumQubits} qubits but the encoding {encoding.Qubits} (one per feature).", nameof(ansatz));
        }

        Ansatz = ansatz;
        Encoding = encoding;
        Readout = readout;
        Loss = loss;
        Observable = readout switch
        {
            ClassifierReadout.Z0 => PauliSum.Parse("Z0", ansatz.NumQubits),
            ClassifierReadout.Parity => PauliSum.Parse(string.Join(" ", Enumerable.Range(0, ansatz.NumQubits).Select(q => $"Z{q}")), ansatz.NumQubits),
            _ => throw new ArgumentOutOfRangeException(nameof(readout), readout, "Unknown readout."),
        };
        _ansatzPlan = ansatz.Fuse();
    }

    public Circuit Ansatz { get; }

    public AngleEncoding Encoding { get; }

    public ClassifierReadout Readout { get; }

    public ClassifierLoss Loss { get; }

    /// <summary>The readout observable (Z0, or the product of all Z).</summary>
    public PauliSum Observable { get; }

    public int Qubits => Ansatz.NumQubits;

    /// <summary>Trainable parameters: those of the ansatz (the encoding has none).</summary>
    public int ParameterCount => Ansatz.ParameterCount;

    /// <summary>The predicted class of a readout value.</summary>
    public static int Predict(double score) => score < 0 ? 1 : 0;

    /// <summary>P(class 1) for a readout value.</summary>
    public static double ProbabilityOfClass1(double score) => (1.0 - score) / 2.0;

    /// <summary>The readout expectation E for one sample.</summary>
    public double Score(ReadOnlySpan<double> features, ReadOnlySpan<double> parameters, ClassifierWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Encoding.Encode(features, workspace.State);
        _ansatzPlan.Apply(workspace.State, parameters);
        return Observable.Expectation(workspace.State);
    }

    /// <summary>
    /// The readout E for one sample and dE/dθ by adjoint differentiation from the encoded state, written into
    /// <paramref name="scoreGradient"/>.
    /// </summary>
    public double ScoreWithGradient(ReadOnlySpan<double> features, ReadOnlySpan<double> parameters, Span<double> scoreGradient, ClassifierWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Encoding.Encode(features, workspace.State);
        return workspace.Adjoint.Evaluate(Ansatz, parameters, Observable, scoreGradient, workspace.State);
    }

    /// <summary>The loss of readout <paramref name="score"/> for a sample of class <paramref name="label"/>, and dLoss/dE.</summary>
    public (double Loss, double Slope) LossOf(double score, int label)
    {
        var target = label == 0 ? 1.0 : -1.0;
        if (Loss == ClassifierLoss.SquaredError)
        {
            var diff = score - target;
            return (diff * diff, 2.0 * diff);
        }

        var q = (1.0 + target * score) / 2.0;
        return q > MinProbability ? (-Math.Log(q), -target / (2.0 * q)) : (-Math.Log(MinProbability), 0.0);
    }

    /// <summary>Accuracy and mean loss over <paramref name="split"/>, samples spread over <paramref name="parallelism"/> threads.</summary>
    public ClassifierMetrics Evaluate(FeatureSplit split, ReadOnlySpan<double> parameters, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(split);
        RequireFeatures(split);
        var theta = parameters.ToArray();
        var chunks = Math.Clamp(parallelism, 1, Math.Max(1, split.Count));
        var correct = new int[chunks];
        var loss = new double[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            var workspace = new ClassifierWorkspace(Qubits);
            var (start, end) = ChunkBounds(split.Count, chunks, c);
            for (var i = start; i < end; i++)
            {
                var score = Score(split.Row(i), theta, workspace);
                correct[c] += Predict(score) == split.Labels[i] ? 1 : 0;
                loss[c] += LossOf(score, split.Labels[i]).Loss;
            }
        });

        // Summed in chunk order: the result does not depend on thread scheduling.
        var n = Math.Max(1, split.Count);
        return new ClassifierMetrics((double)correct.Sum() / n, loss.Sum() / n, split.Count);
    }

    internal void RequireFeatures(FeatureSplit split)
    {
        if (split.Dimension != Qubits)
        {
            throw new ArgumentException($"The classifier has {Qubits} qubits but the data {split.Dimension} features: use as many features as qubits.");
        }
    }

    internal static (int Start, int End) ChunkBounds(int count, int chunks, int chunk) =>
        ((int)((long)count * chunk / chunks), (int)((long)count * (chunk + 1) / chunks));
}
