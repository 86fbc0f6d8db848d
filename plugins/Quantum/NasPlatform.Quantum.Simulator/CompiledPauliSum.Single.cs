using System.Numerics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

internal sealed partial class CompiledPauliSum
{
    /// <summary>
    /// ⟨bra|H|ket⟩ over complex64 amplitudes, every product and sum in double (so the only single-precision
    /// error is that of the state itself): the double path's SIMD passes over widened lanes, scalar below 2 qubits.
    /// </summary>
    public Complex BraKet(float[] braRe, float[] braIm, float[] ketRe, float[] ketIm)
    {
        if (Simd.Usable(NumQubits))
        {
            return BraKetSimd(new SingleLanes(braRe), new SingleLanes(braIm), new SingleLanes(ketRe), new SingleLanes(ketIm));
        }

        var length = 1 << NumQubits;
        double re = 0, im = 0;
        foreach (var group in _groups)
        {
            var flip = group.Flip;
            var masks = group.Masks;
            for (var j = 0; j < length; j++)
            {
                double br = braRe[j ^ flip], bi = braIm[j ^ flip], kr = ketRe[j], ki = ketIm[j];
                var vr = br * kr + bi * ki;
                var vi = br * ki - bi * kr;
                double dr, di;
                if (group.TableRe is { } tableRe)
                {
                    (dr, di) = (tableRe[j], group.TableIm![j]);
                }
                else
                {
                    (dr, di) = (0.0, 0.0);
                    for (var k = 0; k < masks.Length; k++)
                    {
                        var odd = (BitOperations.PopCount((uint)(j & masks[k])) & 1) != 0;
                        dr += odd ? -group.WeightRe[k] : group.WeightRe[k];
                        di += odd ? -group.WeightIm[k] : group.WeightIm[k];
                    }
                }

                re += vr * dr - vi * di;
                im += vr * di + vi * dr;
            }
        }

        return new Complex(re, im);
    }

    /// <summary>
    /// output ← H·input over complex64 amplitudes: each group's contribution to an amplitude is formed in double
    /// and rounded once when it is added (a handful of roundings per amplitude, one per flip group): the double
    /// path's SIMD passes over widened lanes, scalar below 2 qubits.
    /// </summary>
    public void Apply(float[] inRe, float[] inIm, float[] outRe, float[] outIm)
    {
        var length = 1 << NumQubits;
        Array.Clear(outRe, 0, length);
        Array.Clear(outIm, 0, length);
        if (Simd.Usable(NumQubits))
        {
            ApplySimd(new SingleLanes(inRe), new SingleLanes(inIm), new SingleLanes(outRe), new SingleLanes(outIm));
            return;
        }

        foreach (var group in _groups)
        {
            var flip = group.Flip;
            var masks = group.Masks;
            for (var i = 0; i < length; i++)
            {
                var j = i ^ flip;
                double dr, di;
                if (group.TableRe is { } tableRe)
                {
                    (dr, di) = (tableRe[j], group.TableIm![j]);
                }
                else
                {
                    (dr, di) = (0.0, 0.0);
                    for (var k = 0; k < masks.Length; k++)
                    {
                        var odd = (BitOperations.PopCount((uint)(j & masks[k])) & 1) != 0;
                        dr += odd ? -group.WeightRe[k] : group.WeightRe[k];
                        di += odd ? -group.WeightIm[k] : group.WeightIm[k];
                    }
                }

                double xr = inRe[j], xi = inIm[j];
                outRe[i] += (float)(dr * xr - di * xi);
                outIm[i] += (float)(dr * xi + di * xr);
            }
        }
    }
}
