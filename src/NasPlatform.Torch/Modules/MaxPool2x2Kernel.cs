using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Torch.Modules;

/// <summary>
/// The loops of a 2×2, stride-2 max-pool over contiguous float32 NCHW planes (floor mode: an odd last row or column
/// is left out), with LibTorch's CPU rules so that gradients land where LibTorch's would: the first largest value of
/// the window in row-major order wins, a NaN wins over any number (the last NaN over an earlier one), and the
/// gradient goes to the winner alone. The window's winner is kept as one byte per output (0-3: row × 2 + column)
/// instead of LibTorch's 8-byte flat index.
/// </summary>
/// <remarks>
/// AVX2 does eight outputs of a row at a time. A row's last group may run past the row's end (rows of 7 outputs are
/// common): the extra lanes read the next row's values and write into the next row's outputs or gradients, which a
/// later group overwrites with their right values, since rows are done in order (in the backward pass, a window's
/// top row before its bottom row). Only a group that would run past the
/// end of the tensors takes the scalar path, as do machines without AVX2; both paths give the same bits.
/// </remarks>
internal static class MaxPool2x2Kernel
{
    private const int Lanes = 8;

    /// <summary>Pools every plane; <paramref name="winners"/> may be empty (no backward).</summary>
    public static void Forward(ReadOnlySpan<float> input, Span<float> output, Span<byte> winners, int height, int width)
    {
        int outW = width / 2, rows = output.Length / outW;
        var keep = !winners.IsEmpty;
        ref var inRef = ref MemoryMarshal.GetReference(input);
        ref var outRef = ref MemoryMarshal.GetReference(output);
        ref var winRef = ref MemoryMarshal.GetReference(winners);
        for (var r = 0; r < rows; r++)
        {
            var (top, first, _) = Row(r, height, width);
            var ox = 0;
            if (Avx2.IsSupported)
            {
                for (; ox < outW && GroupFits(top, first, ox, width, input.Length, output.Length); ox += Lanes)
                {
                    ForwardGroup(ref Unsafe.Add(ref inRef, top + (2 * ox)), width, ref Unsafe.Add(ref outRef, first + ox), ref Unsafe.Add(ref winRef, first + ox), keep);
                }
            }

            for (; ox < outW; ox++)
            {
                int a = top + (2 * ox), c = a + width;
                var (max, winner) = Window(input[a], input[a + 1], input[c], input[c + 1]);
                output[first + ox] = max;
                if (keep)
                {
                    winners[first + ox] = winner;
                }
            }
        }
    }

    /// <summary>Writes every element of the input gradient: the output gradient at each window's winner, +0 elsewhere.</summary>
    public static void Backward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<byte> winners, Span<float> gradInput, int height, int width)
    {
        int outH = height / 2, outW = width / 2, rows = gradOutput.Length / outW;
        ref var gradRef = ref MemoryMarshal.GetReference(gradOutput);
        ref var winRef = ref MemoryMarshal.GetReference(winners);
        ref var inRef = ref MemoryMarshal.GetReference(gradInput);
        for (var r = 0; r < rows; r++)
        {
            var (top, first, oy) = Row(r, height, width);
            var ox = 0;
            if (Avx2.IsSupported)
            {
                // The top row's groups first: the last one may write into the bottom row, which its groups then overwrite.
                for (var row = 0; row < 2; row++)
                {
                    for (ox = 0; ox < outW && GroupFits(top, first, ox, width, gradInput.Length, gradOutput.Length); ox += Lanes)
                    {
                        BackwardGroup(ref Unsafe.Add(ref gradRef, first + ox), ref Unsafe.Add(ref winRef, first + ox), ref Unsafe.Add(ref inRef, top + (row * width) + (2 * ox)), row);
                    }
                }
            }

            for (; ox < outW; ox++)
            {
                // 0 + g, as LibTorch accumulates into a zeroed gradient: a -0 gradient arrives as +0.
                var g = gradOutput[first + ox] + 0f;
                var w = winners[first + ox];
                int a = top + (2 * ox), c = a + width;
                gradInput[a] = w == 0 ? g : 0f;
                gradInput[a + 1] = w == 1 ? g : 0f;
                gradInput[c] = w == 2 ? g : 0f;
                gradInput[c + 1] = w == 3 ? g : 0f;
            }

            // After the row's groups, which may have written past the row's end: an odd last column gets no gradient,
            // nor does an odd last row of the plane.
            if ((width & 1) == 1)
            {
                gradInput[top + width - 1] = 0f;
                gradInput[top + (2 * width) - 1] = 0f;
            }

            if ((height & 1) == 1 && oy == outH - 1)
            {
                gradInput.Slice(top + (2 * width), width).Clear();
            }
        }
    }

    /// <summary>Output row <paramref name="r"/> is row oy of its plane; its windows' top row starts at input index top, its outputs at first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Top, int First, int Oy) Row(int r, int height, int width)
    {
        int outH = height / 2, plane = r / outH, oy = r - (plane * outH);
        return ((plane * height * width) + (2 * oy * width), r * (width / 2), oy);
    }

    /// <summary>Whether the group of eight outputs at <paramref name="ox"/> (and its two input rows) lies inside the tensors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool GroupFits(int top, int first, int ox, int width, int inputLength, int outputLength) =>
        top + width + (2 * ox) + (2 * Lanes) <= inputLength && first + ox + Lanes <= outputLength;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Max, byte Winner) Window(float a, float b, float c, float d)
    {
        float max = a;
        byte winner = 0;
        if (b > max || float.IsNaN(b))
        {
            max = b;
            winner = 1;
        }

        if (c > max || float.IsNaN(c))
        {
            max = c;
            winner = 2;
        }

        if (d > max || float.IsNaN(d))
        {
            max = d;
            winner = 3;
        }

        return (max, winner);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardGroup(ref float top, int width, ref float output, ref byte winners, bool keep)
    {
        var (a, b) = Deinterleave(Vector256.LoadUnsafe(ref top), Vector256.LoadUnsafe(ref top, Lanes));
        var (c, d) = Deinterleave(Vector256.LoadUnsafe(ref top, (nuint)width), Vector256.LoadUnsafe(ref top, (nuint)(width + Lanes)));
        var max = a;
        var winner = Vector256<float>.Zero;
        Take(b, 1f, ref max, ref winner);
        Take(c, 2f, ref max, ref winner);
        Take(d, 3f, ref max, ref winner);
        max.StoreUnsafe(ref output);
        if (keep)
        {
            var ints = Avx.ConvertToVector256Int32(winner);
            var shorts = Vector128.Narrow(ints.GetLower(), ints.GetUpper());
            Unsafe.WriteUnaligned(ref winners, Vector128.Narrow(shorts, shorts).AsUInt64().ToScalar());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Take(Vector256<float> candidate, float index, ref Vector256<float> max, ref Vector256<float> winner)
    {
        // Greater (ordered: false against a NaN maximum) or the candidate itself NaN, LibTorch's test.
        var take = Avx.Or(Avx.CompareGreaterThan(candidate, max), Avx.CompareUnordered(candidate, candidate));
        max = Avx.BlendVariable(max, candidate, take);
        winner = Avx.BlendVariable(winner, Vector256.Create(index), take);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardGroup(ref float gradOutput, ref byte winners, ref float destination, int row)
    {
        var g = Avx.Add(Vector256.LoadUnsafe(ref gradOutput), Vector256<float>.Zero);
        var winner = Avx2.ConvertToVector256Int32(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref winners)).AsByte());
        var left = Avx.And(g, Vector256.Equals(winner, Vector256.Create(2 * row)).AsSingle());
        var right = Avx.And(g, Vector256.Equals(winner, Vector256.Create((2 * row) + 1)).AsSingle());
        Interleave(left, right, ref destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Even, Vector256<float> Odd) Deinterleave(Vector256<float> low, Vector256<float> high)
    {
        // In-lane shuffles give [l0 l2 h0 h2 | l4 l6 h4 h6]; swapping the middle 64-bit pairs puts them in order.
        var even = Avx.Shuffle(low, high, 0b10_00_10_00);
        var odd = Avx.Shuffle(low, high, 0b11_01_11_01);
        return (Avx2.Permute4x64(even.AsDouble(), 0b11_01_10_00).AsSingle(), Avx2.Permute4x64(odd.AsDouble(), 0b11_01_10_00).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave(Vector256<float> even, Vector256<float> odd, ref float destination)
    {
        var low = Avx.UnpackLow(even, odd);
        var high = Avx.UnpackHigh(even, odd);
        Avx.Permute2x128(low, high, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(low, high, 0x31).StoreUnsafe(ref destination, Lanes);
    }
}
