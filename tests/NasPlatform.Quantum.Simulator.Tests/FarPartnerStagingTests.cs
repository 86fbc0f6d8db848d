using System.Numerics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>
/// Top-target passes stage the partner half through a 4 KiB tile (Kernels/FarPartnerStaging.cs). They take that path
/// from 256 MiB partners on; here the threshold is lowered so that 14-qubit states take it, and every target, with and
/// without a control on either side, must give the plain pass's amplitudes bit for bit.
/// </summary>
public class FarPartnerStagingTests
{
    private const int N = 14;

    [Fact]
    public void Staged_passes_equal_the_plain_passes_bit_for_bit_in_double()
    {
        var start = RandomCircuits.RandomState(N, new Random(11));
        foreach (var (matrix, control, target) in Cases())
        {
            var staged = WithThreshold(() => Run(start, matrix, control, target));
            var plain = WithoutStaging(() => Run(start, matrix, control, target));
            Assert.Equal(plain.Re, staged.Re);
            Assert.Equal(plain.Im, staged.Im);
        }
    }

    [Fact]
    public void Staged_passes_equal_the_plain_passes_bit_for_bit_in_single()
    {
        var source = RandomCircuits.RandomState(N, new Random(12));
        foreach (var (matrix, control, target) in Cases())
        {
            var staged = WithThreshold(() => RunSingle(source, matrix, control, target));
            var plain = WithoutStaging(() => RunSingle(source, matrix, control, target));
            Assert.Equal(plain.Re, staged.Re);
            Assert.Equal(plain.Im, staged.Im);
        }
    }

    [Fact]
    public void Only_partners_at_least_the_threshold_apart_are_staged()
    {
        Assert.True(FarPartnerStaging.Applies<double>(25)); // 26 qubits, top qubit: 256 MiB
        Assert.False(FarPartnerStaging.Applies<double>(24));
        Assert.True(FarPartnerStaging.Applies<float>(26));
        Assert.False(FarPartnerStaging.Applies<float>(25));
    }

    private static IEnumerable<(Complex[] Matrix, int Control, int Target)> Cases()
    {
        var u3 = new Complex[4];
        Gates.Matrix1(GateKind.U3, [0.7, -0.4, 1.9], u3);
        var rx = new Complex[4];
        Gates.Matrix1(GateKind.RX, [0.3], rx);
        for (var target = 0; target < 4; target++)
        {
            yield return (u3, -1, target);
            yield return (rx, target + 1, target); // control below the target bit
            yield return (u3, N - 1, target);      // control in the lowest bit (inside a vector)
            if (target > 0)
            {
                yield return (rx, 0, target);      // control above the target bit
            }
        }
    }

    private static StateVector Run(StateVector start, Complex[] matrix, int control, int target)
    {
        var state = start.Clone();
        if (control < 0)
        {
            state.Apply1(target, matrix);
        }
        else
        {
            state.ApplyControlled1(control, target, matrix);
        }

        return state;
    }

    private static StateVectorSingle RunSingle(StateVector source, Complex[] matrix, int control, int target)
    {
        var state = new StateVectorSingle(N);
        for (var k = 0; k < state.Re.Length; k++)
        {
            (state.Re[k], state.Im[k]) = ((float)source.Re[k], (float)source.Im[k]);
        }

        if (control < 0)
        {
            state.Apply1(target, matrix);
        }
        else
        {
            state.ApplyControlled1(control, target, matrix);
        }

        return state;
    }

    private static T WithThreshold<T>(Func<T> run)
    {
        var saved = FarPartnerStaging.MinPartnerBytes;
        FarPartnerStaging.MinPartnerBytes = 8 << 10; // 14 qubits: the four top qubits (double), three (single)
        try
        {
            return run();
        }
        finally
        {
            FarPartnerStaging.MinPartnerBytes = saved;
        }
    }

    private static T WithoutStaging<T>(Func<T> run)
    {
        FarPartnerStaging.Enabled = false;
        try
        {
            return run();
        }
        finally
        {
            FarPartnerStaging.Enabled = true;
        }
    }
}
