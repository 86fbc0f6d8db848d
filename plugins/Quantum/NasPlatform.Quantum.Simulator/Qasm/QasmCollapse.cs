namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>Projective measurement of one qubit in the computational basis, on the amplitudes in place.</summary>
internal static class QasmCollapse
{
    /// <summary>Outcomes with a probability at or below this are taken as impossible (rounding of an exact 0).</summary>
    public const double Negligible = 1e-14;

    /// <summary>The probability that measuring <paramref name="qubit"/> gives 1.</summary>
    public static double ProbabilityOfOne(StateVector state, int qubit)
    {
        var mask = 1 << state.BitOf(qubit);
        var (re, im) = (state.Re, state.Im);
        var one = 0.0;
        var total = 0.0;
        for (var i = 0; i < re.Length; i++)
        {
            var p = re[i] * re[i] + im[i] * im[i];
            total += p;
            if ((i & mask) != 0)
            {
                one += p;
            }
        }

        // Divide by the norm so that rounding drift over a long program does not bias the draws.
        return total > 0 ? Math.Clamp(one / total, 0.0, 1.0) : 0.0;
    }

    /// <summary>Keeps the amplitudes where <paramref name="qubit"/> is <paramref name="outcome"/> and renormalises them.</summary>
    public static void Project(StateVector state, int qubit, int outcome)
    {
        var mask = 1 << state.BitOf(qubit);
        var keep = outcome == 1 ? mask : 0;
        var (re, im) = (state.Re, state.Im);
        var norm = 0.0;
        for (var i = 0; i < re.Length; i++)
        {
            if ((i & mask) != keep)
            {
                re[i] = 0.0;
                im[i] = 0.0;
            }
            else
            {
                norm += re[i] * re[i] + im[i] * im[i];
            }
        }

        if (norm <= 0)
        {
            throw new InvalidOperationException($"Outcome {outcome} of qubit {qubit} has probability 0.");
        }

        state.Scale(1.0 / Math.Sqrt(norm));
    }
}
