using NasPlatform.Plugins.Quantum.Data;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Classifier;

/// <summary>Hand-written ansätze and small synthetic data for the classifier tests.</summary>
internal static class ClassifierCircuits
{
    /// <summary><paramref name="layers"/> layers of RY on every qubit followed by a CNOT chain, then a last RY layer.</summary>
    public static Circuit RyCnotLayers(int qubits, int layers)
    {
        var circuit = new Circuit(qubits);
        var p = 0;
        for (var l = 0; l < layers; l++)
        {
            for (var q = 0; q < qubits; q++)
            {
                circuit.RY(q, Angle.Parameter(p++));
            }

            for (var q = 0; q + 1 < qubits; q++)
            {
                circuit.CNOT(q, q + 1);
            }
        }

        for (var q = 0; q < qubits; q++)
        {
            circuit.RY(q, Angle.Parameter(p++));
        }

        return circuit;
    }

    /// <summary>A mix of gate kinds, a shared parameter and a scaled one: every adjoint path is exercised.</summary>
    public static Circuit Mixed(int qubits)
    {
        var circuit = new Circuit(qubits);
        var p = 0;
        for (var q = 0; q < qubits; q++)
        {
            circuit.RX(q, Angle.Parameter(p++)).RZ(q, Angle.Parameter(p++));
        }

        circuit.CNOT(0, 1).CRY(1, 2, Angle.Parameter(p++)).RZZ(2, 3, Angle.Parameter(p++, scale: 2)).CZ(3, 0);
        circuit.U3(1, Angle.Parameter(p++), Angle.Parameter(p++), 0.3).RY(0, Angle.Parameter(0)).H(2).RY(3, Angle.Parameter(p++));
        return circuit;
    }

    public static double[] RandomParameters(int count, Random random, double scale = 1.0) =>
        [.. Enumerable.Range(0, count).Select(_ => scale * (2 * random.NextDouble() - 1))];

    /// <summary>Random angle features in [0, π] with alternating labels.</summary>
    public static FeatureSplit RandomSplit(int count, int dimension, Random random) => new(
        [.. Enumerable.Range(0, count * dimension).Select(_ => Math.PI * random.NextDouble())],
        [.. Enumerable.Range(0, count).Select(i => i % 2)],
        dimension);
}
