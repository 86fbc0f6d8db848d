using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A Pauli sum laid out for an n-qubit register. P|j⟩ = i^{#Y} (−1)^{popcount(j ∧ zy)} |j ⊕ flip⟩, so terms
/// with the same flip mask form one group evaluated in one pass with the per-index weight
/// D(j) = Σ_k c_k i^{#Y_k} (−1)^{popcount(j ∧ zy_k)}. Groups with several terms keep D as a table for
/// registers up to <see cref="MaxTableQubits"/> qubits.
/// </summary>
internal sealed class CompiledPauliSum
{
    public const int MaxTableQubits = 20;

    private readonly Group[] _groups;

    public CompiledPauliSum(IReadOnlyList<PauliTerm> terms, int numQubits)
    {
        NumQubits = numQubits;
        _groups = terms
            .GroupBy(t => PauliSum.ToBits(t.Pauli.XMask, numQubits))
            .Select(g => new Group(g.Key, g.ToArray(), numQubits))
            .ToArray();
    }

    public int NumQubits { get; }

    public Complex BraKet(double[] braRe, double[] braIm, double[] ketRe, double[] ketIm)
    {
        double re = 0, im = 0;
        var length = 1 << NumQubits;
        foreach (var group in _groups)
        {
            var flip = group.Flip;
            if (group.TableRe is { } tableRe)
            {
                var tableIm = group.TableIm!;
                for (var j = 0; j < length; j++)
                {
                    var (vr, vi) = Conj(braRe[j ^ flip], braIm[j ^ flip], ketRe[j], ketIm[j]);
                    re += vr * tableRe[j] - vi * tableIm[j];
                    im += vr * tableIm[j] + vi * tableRe[j];
                }
            }
            else
            {
                for (var k = 0; k < group.Masks.Length; k++)
                {
                    var mask = group.Masks[k];
                    var wr = group.WeightRe[k];
                    var wi = group.WeightIm[k];
                    double sr = 0, si = 0;
                    for (var j = 0; j < length; j++)
                    {
                        var (vr, vi) = Conj(braRe[j ^ flip], braIm[j ^ flip], ketRe[j], ketIm[j]);
                        if ((BitOperations.PopCount((uint)(j & mask)) & 1) == 0)
                        {
                            sr += vr;
                            si += vi;
                        }
                        else
                        {
                            sr -= vr;
                            si -= vi;
                        }
                    }

                    re += sr * wr - si * wi;
                    im += sr * wi + si * wr;
                }
            }
        }

        return new Complex(re, im);
    }

    public void Apply(double[] inRe, double[] inIm, double[] outRe, double[] outIm)
    {
        var length = 1 << NumQubits;
        Array.Clear(outRe, 0, length);
        Array.Clear(outIm, 0, length);
        foreach (var group in _groups)
        {
            var flip = group.Flip;
            if (group.TableRe is { } tableRe)
            {
                var tableIm = group.TableIm!;
                for (var i = 0; i < length; i++)
                {
                    var j = i ^ flip;
                    var xr = inRe[j];
                    var xi = inIm[j];
                    outRe[i] += tableRe[j] * xr - tableIm[j] * xi;
                    outIm[i] += tableRe[j] * xi + tableIm[j] * xr;
                }
            }
            else
            {
                for (var k = 0; k < group.Masks.Length; k++)
                {
                    var mask = group.Masks[k];
                    var wr = group.WeightRe[k];
                    var wi = group.WeightIm[k];
                    for (var i = 0; i < length; i++)
                    {
                        var j = i ^ flip;
                        var sign = (BitOperations.PopCount((uint)(j & mask)) & 1) == 0 ? 1.0 : -1.0;
                        var xr = inRe[j] * sign;
                        var xi = inIm[j] * sign;
                        outRe[i] += wr * xr - wi * xi;
                        outIm[i] += wr * xi + wi * xr;
                    }
                }
            }
        }
    }

    /// <summary>conj(b)·k.</summary>
    private static (double Re, double Im) Conj(double br, double bi, double kr, double ki) =>
        (br * kr + bi * ki, br * ki - bi * kr);

    private sealed class Group
    {
        public Group(int flip, PauliTerm[] terms, int numQubits)
        {
            Flip = flip;
            Masks = new int[terms.Length];
            WeightRe = new double[terms.Length];
            WeightIm = new double[terms.Length];
            for (var k = 0; k < terms.Length; k++)
            {
                var p = terms[k].Pauli;
                Masks[k] = PauliSum.ToBits(p.ZMask, numQubits);
                // i^{#Y}: Y = i·X·Z acting as Z first, then X.
                var ny = BitOperations.PopCount(p.XMask & p.ZMask) & 3;
                var phase = ny switch { 0 => Complex.One, 1 => Complex.ImaginaryOne, 2 => -Complex.One, _ => -Complex.ImaginaryOne };
                var w = terms[k].Coefficient * phase;
                WeightRe[k] = w.Real;
                WeightIm[k] = w.Imaginary;
            }

            if (terms.Length >= 2 && numQubits <= MaxTableQubits)
            {
                var length = 1 << numQubits;
                TableRe = new double[length];
                TableIm = new double[length];
                for (var j = 0; j < length; j++)
                {
                    double r = 0, i = 0;
                    for (var k = 0; k < Masks.Length; k++)
                    {
                        var sign = (BitOperations.PopCount((uint)(j & Masks[k])) & 1) == 0 ? 1.0 : -1.0;
                        r += sign * WeightRe[k];
                        i += sign * WeightIm[k];
                    }

                    TableRe[j] = r;
                    TableIm[j] = i;
                }
            }
        }

        public int Flip { get; }

        public int[] Masks { get; }

        public double[] WeightRe { get; }

        public double[] WeightIm { get; }

        public double[]? TableRe { get; }

        public double[]? TableIm { get; }
    }
}
