using TorchSharp;

namespace NasPlatform.Torch;

/// <summary>
/// Scalars for constants, held in static fields and so never finalized (see <see cref="ScalarScope"/> for why
/// that matters with TorchSharp 0.107). Values computed at run time come from a <see cref="ScalarScope"/>.
/// </summary>
public static class Scalars
{
    /// <summary>Integral 1: the <c>alpha</c> of a plain sum (<c>a.add(b, Scalars.One)</c> for <c>a + b</c>), valid for integral tensors too.</summary>
    public static readonly Scalar One = 1L.ToScalar();

    /// <summary>Integral 0.</summary>
    public static readonly Scalar Zero = 0L.ToScalar();

    /// <summary>0.5.</summary>
    public static readonly Scalar Half = 0.5.ToScalar();

    /// <summary>2 (squares through <c>pow</c>).</summary>
    public static readonly Scalar Two = 2L.ToScalar();
}
