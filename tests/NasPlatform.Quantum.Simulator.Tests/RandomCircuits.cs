using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

internal static class RandomCircuits
{
    public static readonly GateKind[] AllKinds = Enum.GetValues<GateKind>();

    public static readonly GateKind[] Rotations =
    [
        GateKind.RX, GateKind.RY, GateKind.RZ, GateKind.P, GateKind.U3,
        GateKind.CRX, GateKind.CRY, GateKind.CRZ, GateKind.RXX, GateKind.RYY, GateKind.RZZ,
    ];

    /// <summary>A random circuit over <paramref name="kinds"/>; parameterized angles use fresh or shared parameter indices.</summary>
    public static (Circuit Circuit, double[] Parameters) Make(
        int numQubits, int gates, Random rng, GateKind[]? kinds = null, int parameterCount = 0, bool fixedGates = true)
    {
        kinds ??= AllKinds;
        var circuit = new Circuit(numQubits);
        var next = 0;
        for (var g = 0; g < gates; g++)
        {
            var kind = kinds[rng.Next(kinds.Length)];
            if (!fixedGates && Gates.AngleCount(kind) == 0)
            {
                continue;
            }

            var q0 = rng.Next(numQubits);
            var q1 = q0;
            while (Gates.Arity(kind) == 2 && q1 == q0)
            {
                q1 = rng.Next(numQubits);
            }

            var angles = new Angle[Gates.AngleCount(kind)];
            for (var k = 0; k < angles.Length; k++)
            {
                var index = parameterCount > 0 ? rng.Next(parameterCount) : next++;
                var scale = rng.NextDouble() < 0.2 ? 0.5 + rng.NextDouble() : 1.0;
                angles[k] = rng.NextDouble() < 0.1 ? Angle.Constant(rng.NextDouble() * 6) : Angle.Parameter(index, scale, rng.NextDouble() < 0.2 ? 0.3 : 0);
            }

            var matrix = kind switch
            {
                GateKind.Unitary1 => Textbook.RandomUnitary(2, rng),
                GateKind.Unitary2 => Textbook.RandomUnitary(4, rng),
                _ => null,
            };
            circuit.Add(Circuit.MakeOp(kind, q0, Gates.Arity(kind) == 2 ? q1 : -1, angles, matrix));
        }

        var parameters = new double[Math.Max(circuit.ParameterCount, parameterCount)];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = (rng.NextDouble() * 2 - 1) * Math.PI;
        }

        return (circuit, parameters);
    }

    public static StateVector RandomState(int numQubits, Random rng)
    {
        var s = new StateVector(numQubits);
        for (var i = 0; i < s.Length; i++)
        {
            s.Re[i] = Textbook.Gaussian(rng);
            s.Im[i] = Textbook.Gaussian(rng);
        }

        s.Normalize();
        return s;
    }
}
