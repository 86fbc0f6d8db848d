namespace NasPlatform.Quantum.Simulator;

/// <summary>Floating-point precision of a state vector's amplitudes.</summary>
public enum Precision
{
    /// <summary>complex128 (<see cref="StateVector"/>): the default, and what Lanczos and exact references use.</summary>
    Double,

    /// <summary>complex64 (<see cref="StateVectorSingle"/>): half the bytes per pass, about 1e-7 relative rounding per gate.</summary>
    Single,
}
