using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

internal static class Workloads
{
    /// <summary>Layers of RY and RZ on every qubit followed by a CNOT chain, until <paramref name="parameters"/> angles are placed.</summary>
    public static (Circuit Circuit, double[] Parameters) HardwareEfficient(int numQubits, int parameters, Random rng)
    {
        var circuit = new Circuit(numQubits);
        var next = 0;
        while (next < parameters)
        {
            for (var q = 0; q < numQubits && next < parameters; q++)
            {
                circuit.RY(q, Angle.Parameter(next++));
            }

            for (var q = 0; q < numQubits && next < parameters; q++)
            {
                circuit.RZ(q, Angle.Parameter(next++));
            }

            for (var q = 0; q + 1 < numQubits; q++)
            {
                circuit.CNOT(q, q + 1);
            }
        }

        var values = Enumerable.Range(0, parameters).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();
        return (circuit, values);
    }

    /// <summary>
    /// The issue-20 / qsim comparison ansatz: <paramref name="layers"/> layers of RY on every qubit followed by a
    /// CZ ladder (0-1, 1-2, …), one parameter per RY.
    /// </summary>
    public static (Circuit Circuit, double[] Parameters) RyCzLadder(int numQubits, int layers, Random rng)
    {
        var circuit = new Circuit(numQubits);
        var next = 0;
        for (var layer = 0; layer < layers; layer++)
        {
            for (var q = 0; q < numQubits; q++)
            {
                circuit.RY(q, Angle.Parameter(next++));
            }

            for (var q = 0; q + 1 < numQubits; q++)
            {
                circuit.CZ(q, q + 1);
            }
        }

        var values = Enumerable.Range(0, next).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();
        return (circuit, values);
    }
}
