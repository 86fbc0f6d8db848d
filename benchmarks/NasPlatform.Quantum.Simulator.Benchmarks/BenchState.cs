using System.Numerics;
using System.Runtime.Intrinsics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>A random normalized state in either precision, with the operations the sections time.</summary>
internal sealed class BenchState
{
    private readonly StateVector? _double;
    private readonly StateVectorSingle? _single;

    public BenchState(int numQubits, Precision precision, bool? hugePages = null)
    {
        Precision = precision;
        var setting = StateMemory.HugePages;
        HugePagesAsked = hugePages ?? setting;
        var rng = new Random(5);
        StateMemory.HugePages = HugePagesAsked;
        try
        {
            if (precision == Precision.Double)
            {
                _double = new StateVector(numQubits);
            }
            else
            {
                _single = new StateVectorSingle(numQubits);
            }
        }
        finally
        {
            StateMemory.HugePages = setting;
        }

        if (_single is null)
        {
            Fill.Random(_double!);
            return;
        }

        var scale = (float)Math.Sqrt(6.0 / (1L << numQubits)); // uniform(−½, ½) re and im: E|a|² = 1/6
        for (var i = 0; i < _single.Length; i++)
        {
            _single.Re[i] = (float)(rng.NextDouble() - 0.5) * scale;
            _single.Im[i] = (float)(rng.NextDouble() - 0.5) * scale;
        }
    }

    public Precision Precision { get; }

    /// <summary>Whether the state was allocated asking for 2 MiB pages.</summary>
    public bool HugePagesAsked { get; }

    /// <summary>"2M" or "4K": the pages asked for, for table rows.</summary>
    public string Pages => HugePagesAsked ? "2M" : "4K";

    /// <summary>Bytes of the amplitude arrays on huge pages (/proc/self/smaps), -1 where unknown.</summary>
    public long HugePageBytes => _double is not null
        ? Sum(StateMemory.HugePageBytesOf(_double.Re), StateMemory.HugePageBytesOf(_double.Im))
        : Sum(StateMemory.HugePageBytesOf(_single!.Re), StateMemory.HugePageBytesOf(_single.Im));

    /// <summary>Huge-page share of the amplitude bytes as "97%" (or "n/a").</summary>
    public string HugeShare => HugePageBytes < 0 ? "n/a" : $"{100.0 * HugePageBytes / Bytes:F0}%";

    /// <summary>Bytes of amplitudes (re + im).</summary>
    public double Bytes => _double is not null ? 16.0 * _double.Length : 8.0 * _single!.Length;

    /// <summary>One in-place read+write pass over every amplitude (× 1.0), the floor of this state.</summary>
    public void ScalePass()
    {
        if (_double is not null)
        {
            Scale(_double.Re);
            Scale(_double.Im);
        }
        else
        {
            Scale(_single!.Re);
            Scale(_single.Im);
        }
    }

    public void Apply1(int qubit, Complex[] matrix)
    {
        if (_double is not null)
        {
            _double.Apply1(qubit, matrix);
        }
        else
        {
            _single!.Apply1(qubit, matrix);
        }
    }

    /// <summary>|0…0⟩, then the fused plan.</summary>
    public void Run(FusedCircuit plan, double[] theta)
    {
        if (_double is not null)
        {
            _double.Reset();
            plan.Apply(_double, theta);
        }
        else
        {
            _single!.Reset();
            plan.Apply(_single, theta);
        }
    }

    /// <summary>⟨H⟩ on the current state (summed in double in both precisions).</summary>
    public double Expectation(PauliSum h) => _double is not null ? h.Expectation(_double) : h.Expectation(_single!);

    /// <summary>|0…0⟩, then the dense-block plan.</summary>
    public void Run(DenseFusedCircuit plan, double[] theta)
    {
        if (_double is not null)
        {
            _double.Reset();
            plan.Apply(_double, theta);
        }
        else
        {
            _single!.Reset();
            plan.Apply(_single, theta);
        }
    }

    private static long Sum(long a, long b) => a < 0 || b < 0 ? -1 : a + b;

    private static void Scale<T>(T[] a)
        where T : struct, INumber<T>
    {
        var one = Vector256.Create(T.One);
        ref var r = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a);
        for (nuint i = 0; i < (nuint)a.Length; i += (nuint)Vector256<T>.Count)
        {
            (Vector256.LoadUnsafe(ref r, i) * one).StoreUnsafe(ref r, i);
        }
    }
}
