using System.Numerics;
using System.Runtime.Intrinsics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A Pauli sum laid out for an n-qubit register. P|j⟩ = i^{#Y} (−1)^{popcount(j ∧ zy)} |j ⊕ flip⟩, so terms
/// with the same flip mask form one group evaluated in one pass with the per-index weight
/// D(j) = Σ_k c_k i^{#Y_k} (−1)^{popcount(j ∧ zy_k)}. Groups with three or more terms keep D as a table for
/// registers up to <see cref="MaxTableQubits"/> qubits.
/// </summary>
internal sealed partial class CompiledPauliSum
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
        var length = 1 << NumQubits;
        if (Simd.Usable(NumQubits))
        {
            return BraKetSimd(new DoubleLanes(braRe), new DoubleLanes(braIm), new DoubleLanes(ketRe), new DoubleLanes(ketIm));
        }

        double re = 0, im = 0;
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
        if (Simd.Usable(NumQubits))
        {
            ApplySimd(new DoubleLanes(inRe), new DoubleLanes(inIm), new DoubleLanes(outRe), new DoubleLanes(outIm));
            return;
        }

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

    /// <summary>Σ over groups of the SIMD bra-ket pass (n ≥ 2), for either precision's arrays.</summary>
    private Complex BraKetSimd<TLanes>(TLanes braRe, TLanes braIm, TLanes ketRe, TLanes ketIm)
        where TLanes : struct, IAmplitudeLanes
    {
        var length = 1 << NumQubits;
        var sum = Complex.Zero;
        foreach (var group in _groups)
        {
            sum += group.TableRe is { } tr
                ? BraKetGroup(group, new TableWeight(tr, group.TableIm!), braRe, braIm, ketRe, ketIm, length)
                : BraKetGroup(group, new SignWeight(group.Masks, group.LaneRe, group.LaneIm), braRe, braIm, ketRe, ketIm, length);
        }

        return sum;
    }

    /// <summary>out ← H·in by SIMD passes (n ≥ 2; out cleared by the caller), for either precision's arrays.</summary>
    private void ApplySimd<TLanes>(TLanes inRe, TLanes inIm, TLanes outRe, TLanes outIm)
        where TLanes : struct, IAmplitudeLanes
    {
        var length = 1 << NumQubits;
        foreach (var group in _groups)
        {
            if (group.TableRe is { } tr)
            {
                AccumulateGroup(group, new TableWeight(tr, group.TableIm!), inRe, inIm, outRe, outIm, length);
            }
            else
            {
                AccumulateGroup(group, new SignWeight(group.Masks, group.LaneRe, group.LaneIm), inRe, inIm, outRe, outIm, length);
            }
        }
    }

    private static Complex BraKetGroup<TWeight, TLanes>(Group g, TWeight w, TLanes braRe, TLanes braIm, TLanes ketRe, TLanes ketIm, int length)
        where TWeight : struct, IGroupWeight
        where TLanes : struct, IAmplitudeLanes => (g.Flip & 3) switch
        {
            0 => PauliGroupKernel.BraKet<TWeight, NoPermute, TLanes>(braRe, braIm, ketRe, ketIm, length, g.Flip, w),
            1 => PauliGroupKernel.BraKet<TWeight, Xor1, TLanes>(braRe, braIm, ketRe, ketIm, length, g.Flip, w),
            2 => PauliGroupKernel.BraKet<TWeight, Xor2, TLanes>(braRe, braIm, ketRe, ketIm, length, g.Flip, w),
            _ => PauliGroupKernel.BraKet<TWeight, Xor3, TLanes>(braRe, braIm, ketRe, ketIm, length, g.Flip, w),
        };

    private static void AccumulateGroup<TWeight, TLanes>(Group g, TWeight w, TLanes inRe, TLanes inIm, TLanes outRe, TLanes outIm, int length)
        where TWeight : struct, IGroupWeight
        where TLanes : struct, IAmplitudeLanes
    {
        switch (g.Flip & 3)
        {
            case 0:
                PauliGroupKernel.Accumulate<TWeight, NoPermute, TLanes>(inRe, inIm, outRe, outIm, length, g.Flip, w);
                break;
            case 1:
                PauliGroupKernel.Accumulate<TWeight, Xor1, TLanes>(inRe, inIm, outRe, outIm, length, g.Flip, w);
                break;
            case 2:
                PauliGroupKernel.Accumulate<TWeight, Xor2, TLanes>(inRe, inIm, outRe, outIm, length, g.Flip, w);
                break;
            default:
                PauliGroupKernel.Accumulate<TWeight, Xor3, TLanes>(inRe, inIm, outRe, outIm, length, g.Flip, w);
                break;
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

            LaneRe = new Vector256<double>[terms.Length];
            LaneIm = new Vector256<double>[terms.Length];
            for (var k = 0; k < terms.Length; k++)
            {
                var sign = new double[4];
                for (var l = 0; l < 4; l++)
                {
                    sign[l] = (BitOperations.PopCount((uint)(l & Masks[k])) & 1) == 0 ? 1.0 : -1.0;
                }

                LaneRe[k] = Vector256.Create(sign[0], sign[1], sign[2], sign[3]) * WeightRe[k];
                LaneIm[k] = Vector256.Create(sign[0], sign[1], sign[2], sign[3]) * WeightIm[k];
            }

            if (terms.Length >= 3 && numQubits <= MaxTableQubits)
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

        /// <summary>Per term, w_k times the sign pattern of the four lanes of a block.</summary>
        public Vector256<double>[] LaneRe { get; }

        public Vector256<double>[] LaneIm { get; }

        public double[]? TableRe { get; }

        public double[]? TableIm { get; }
    }
}
