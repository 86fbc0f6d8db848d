using NasPlatform.Plugins.Quantum.Data;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>The classifier task's settings beyond the data (see <see cref="ClassifierTaskFactory"/> for the option names).</summary>
/// <param name="Data">Classes, features (= qubits), subsampling and scaling.</param>
/// <param name="BatchSize">Samples per optimizer step; 0 = the whole training subsample (deterministic, works with L-BFGS).</param>
/// <param name="Encoding">RY or RX angle encoding.</param>
/// <param name="Readout">Z0 or parity.</param>
/// <param name="Loss">Cross-entropy or squared error.</param>
/// <param name="Parallelism">Threads over the samples of one trial (trials themselves already run in parallel).</param>
public sealed record ClassifierTaskOptions(
    FeatureDatasetOptions Data,
    int BatchSize = 0,
    GateKind Encoding = GateKind.RY,
    ClassifierReadout Readout = ClassifierReadout.Z0,
    ClassifierLoss Loss = ClassifierLoss.CrossEntropy,
    int Parallelism = 1);
