using System.Numerics;
using System.Runtime.Intrinsics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>A random normalized state in either precision, with the operations the sections time.</summary>
internal sealed class BenchState
{
    private readonly StateVector? _double;
    private readonly StateVectorSingle? _single;

    public BenchState(int numQubits, Precision precision)
    {
        Precision = precision;
        var rng = new Random(5);
        if (precision == Precision.Double)
        {
            _double = new StateVector(numQubits);
            Fill.Random(_double);
            return;
        }

        _single = new StateVectorSingle(numQubits);
        var scale = (float)Math.Sqrt(6.0 / (1L << numQubits)); // uniform(−½, ½) re and im: E|a|² = 1/6
        for (var i = 0; i < _single.Length; i++)
        {
            _single.Re[i] = (float)(rng.NextDouble() - 0.5) * scale;
            _single.Im[i] = (float)(rng.NextDouble() - 0.5) * scale;
        }
    }

    public Precision Precision { get; }

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
