using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// Monte-Carlo trajectories of a circuit under a <see cref="NoiseModel"/>: each trajectory runs the gates one
/// by one and, after each gate, draws a Pauli error from <c>rng</c>. Averages over trajectories converge to
/// the density-matrix result. Not thread-safe; use one instance per thread.
/// </summary>
public sealed class NoisySimulation(int numQubits)
{
    private readonly StateVector _state = new(numQubits);

    /// <summary>The state left by the last trajectory.</summary>
    public StateVector State => _state;

    /// <summary>Runs one trajectory into <see cref="State"/>.</summary>
    public void RunTrajectory(Circuit circuit, ReadOnlySpan<double> parameters, NoiseModel noise, Random rng, StateVector? initialState = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(rng);
        noise.Validate();
        circuit.RequireRegister(_state);
        if (initialState is null)
        {
            _state.Reset();
        }
        else
        {
            _state.CopyFrom(initialState);
        }

        Span<Complex> m = stackalloc Complex[4];
        foreach (var op in circuit.Ops)
        {
            _state.ApplyOp(op, parameters);
            if (op.Arity == 1)
            {
                if (noise.OneQubitDepolarizing > 0 && rng.NextDouble() < noise.OneQubitDepolarizing)
                {
                    ApplyPauli(op.Qubit0, 1 + rng.Next(3), m);
                }
            }
            else if (noise.TwoQubitDepolarizing > 0 && rng.NextDouble() < noise.TwoQubitDepolarizing)
            {
                // 1..15 → (P0, P1) ≠ (I, I), with 0 = I, 1 = X, 2 = Y, 3 = Z.
                var k = 1 + rng.Next(15);
                ApplyPauli(op.Qubit0, k >> 2, m);
                ApplyPauli(op.Qubit1, k & 3, m);
            }
        }
    }

    /// <summary>Average of the exact ⟨H⟩ over <paramref name="trajectories"/> noisy trajectories (readout noise does not apply).</summary>
    public double EstimateExpectation(
        Circuit circuit, ReadOnlySpan<double> parameters, PauliSum observable, NoiseModel noise, int trajectories, Random rng,
        StateVector? initialState = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        var sum = 0.0;
        for (var t = 0; t < trajectories; t++)
        {
            RunTrajectory(circuit, parameters, noise, rng, initialState);
            sum += observable.Expectation(_state);
        }

        return sum / trajectories;
    }

    /// <summary>Measurement outcomes, one trajectory per shot, with readout bit flips.</summary>
    public int[] Sample(Circuit circuit, ReadOnlySpan<double> parameters, NoiseModel noise, int shots, Random rng)
    {
        var outcomes = new int[shots];
        for (var s = 0; s < shots; s++)
        {
            RunTrajectory(circuit, parameters, noise, rng);
            outcomes[s] = ApplyReadout(_state.Sample(1, rng)[0], noise, rng);
        }

        return outcomes;
    }

    /// <summary>Flips each of the n measured bits with the readout probability.</summary>
    public int ApplyReadout(int outcome, NoiseModel noise, Random rng)
    {
        if (noise.ReadoutFlip > 0)
        {
            for (var bit = 0; bit < _state.NumQubits; bit++)
            {
                if (rng.NextDouble() < noise.ReadoutFlip)
                {
                    outcome ^= 1 << bit;
                }
            }
        }

        return outcome;
    }

    private void ApplyPauli(int qubit, int pauli, Span<Complex> m)
    {
        if (pauli == 0)
        {
            return;
        }

        Gates.Matrix1(pauli switch { 1 => GateKind.X, 2 => GateKind.Y, _ => GateKind.Z }, [], m);
        _state.Apply1(qubit, m);
    }
}
