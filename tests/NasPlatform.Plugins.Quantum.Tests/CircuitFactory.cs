using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;

namespace NasPlatform.Plugins.Quantum.Tests;

/// <summary>Layer-wise candidates built by hand for VQE tests.</summary>
internal static class CircuitFactory
{
    /// <summary>L layers of one rotation on every qubit, each followed by the entangler along a line.</summary>
    public static Candidate Layered(int qubits, int layers, string rotation = "ry", string entangler = "cnot") =>
        new LayerwiseArchitecture(qubits, CouplingMap.Line(qubits).ChainOrder, Enumerable.Range(0, layers)
            .Select(_ => new LayerwiseLayer(Enumerable.Repeat(rotation, qubits).ToArray(), entangler)).ToList()).ToCandidate();
}
