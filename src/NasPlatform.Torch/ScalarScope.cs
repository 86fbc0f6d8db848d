using TorchSharp;

namespace NasPlatform.Torch;

/// <summary>
/// Explicit TorchSharp <see cref="Scalar"/>s that stay alive until the scope is disposed.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 hands a Scalar's raw handle to native code without keeping the Scalar alive
/// (dotnet/TorchSharp PR 1496, open), and Scalar has a finalizer: an implicitly converted temporary
/// (<c>tensor * 0.5</c>, <c>add_(x, alpha: a)</c>, <c>a + b</c> with its hidden <c>alpha = 1</c>) can be
/// finalized by a garbage collection on another thread while LibTorch still reads it, which crashes with
/// "Unknown scalar type" or "alpha must not be a floating point number". Every Scalar the product needs comes
/// from a scope like this one (or from a static field), and the implicit conversions are banned by
/// <c>BannedSymbols.TorchSharp.txt</c>. Use one scope per step: <c>using var s = new ScalarScope();</c>,
/// then <c>x.mul_(s.Of(0.9))</c>; the scope is referenced until its <see cref="Dispose"/> at the end of the
/// block, and so is every Scalar it handed out.
/// </remarks>
public sealed class ScalarScope : IDisposable
{
    private readonly List<Scalar> _held = [];
    private bool _disposed;

    /// <summary>A double-precision Scalar (LibTorch casts it to the tensor's type).</summary>
    public Scalar Of(double value) => Hold(value.ToScalar());

    /// <summary>An integral Scalar: the one integral tensors (counters, indices) accept as alpha.</summary>
    public Scalar Of(long value) => Hold(value.ToScalar());

    /// <summary>A boolean Scalar (masks).</summary>
    public Scalar Of(bool value) => Hold(value.ToScalar());

    /// <summary>Frees the Scalars handed out; native calls that used them have returned by then.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var scalar in _held)
        {
            scalar.Dispose();
        }

        _held.Clear();
    }

    private Scalar Hold(Scalar scalar)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _held.Add(scalar);
        return scalar;
    }
}
