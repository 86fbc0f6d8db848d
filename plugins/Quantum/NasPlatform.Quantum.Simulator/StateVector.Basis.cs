namespace NasPlatform.Quantum.Simulator;

// Basis states by their bit strings, and measurement in the computational basis.
public sealed partial class StateVector
{
    /// <summary>The basis state named by a bit string, qubit 0 first, e.g. "1100".</summary>
    public static StateVector FromBasisString(string bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var state = new StateVector(bits.Length);
        state.SetBasisState(ParseBasisString(bits));
        return state;
    }

    public static int ParseBasisString(string bits)
    {
        var index = 0;
        for (var k = 0; k < bits.Length; k++)
        {
            index <<= 1;
            index |= bits[k] switch
            {
                '0' => 0,
                '1' => 1,
                _ => throw new FormatException(
                    $"Basis string \"{bits}\": character {k + 1} is '{bits[k]}'; use only 0 and 1, qubit 0 first."),
            };
        }

        return index;
    }

    /// <summary>The bit string of a basis index, qubit 0 first.</summary>
    public string FormatBasis(int index)
    {
        var chars = new char[NumQubits];
        for (var q = 0; q < NumQubits; q++)
        {
            chars[q] = ((index >> (NumQubits - 1 - q)) & 1) == 1 ? '1' : '0';
        }

        return new string(chars);
    }

    public double Probability(int index) => Re[index] * Re[index] + Im[index] * Im[index];

    /// <summary>
    /// Draws <paramref name="shots"/> measurement outcomes (basis indices) in the computational basis from
    /// <paramref name="rng"/>; the state is not changed. Use <see cref="FormatBasis"/> for the bit strings.
    /// </summary>
    public int[] Sample(int shots, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        ArgumentNullException.ThrowIfNull(rng);
        var cumulative = new double[Length];
        var total = 0.0;
        for (var i = 0; i < Length; i++)
        {
            total += Probability(i);
            cumulative[i] = total;
        }

        var outcomes = new int[shots];
        for (var s = 0; s < shots; s++)
        {
            var u = rng.NextDouble() * total;
            var index = Array.BinarySearch(cumulative, u);
            index = index < 0 ? ~index : index;
            // Skip zero-probability entries that share the cumulative value.
            while (index < Length - 1 && Probability(index) == 0.0)
            {
                index++;
            }

            outcomes[s] = Math.Min(index, Length - 1);
        }

        return outcomes;
    }

    /// <summary>Counts of sampled bit strings (qubit 0 first).</summary>
    public IReadOnlyDictionary<string, int> SampleCounts(int shots, Random rng)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var outcome in Sample(shots, rng))
        {
            var key = FormatBasis(outcome);
            counts[key] = counts.TryGetValue(key, out var c) ? c + 1 : 1;
        }

        return counts;
    }
}
