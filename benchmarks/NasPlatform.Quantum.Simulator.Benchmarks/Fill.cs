using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

internal static class Fill
{
    /// <summary>A seeded random normalized state, so that no pass runs on zeros or denormals.</summary>
    public static void Random(StateVector state)
    {
        var rng = new System.Random(5);
        for (var i = 0; i < state.Length; i++)
        {
            state.Re[i] = rng.NextDouble() - 0.5;
            state.Im[i] = rng.NextDouble() - 0.5;
        }

        state.Normalize();
    }
}
