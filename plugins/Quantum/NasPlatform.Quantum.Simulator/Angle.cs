namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A gate angle: <c>Offset + Scale * parameters[ParameterIndex]</c>, or just <c>Offset</c> when
/// <see cref="ParameterIndex"/> is -1. One circuit then runs with many parameter vectors.
/// </summary>
public readonly record struct Angle(double Offset, int ParameterIndex, double Scale)
{
    public static Angle Constant(double value) => new(value, -1, 0.0);

    public static Angle Parameter(int index, double scale = 1.0, double offset = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new Angle(offset, index, scale);
    }

    public bool IsParameterized => ParameterIndex >= 0;

    public double Resolve(ReadOnlySpan<double> parameters)
    {
        if (ParameterIndex < 0)
        {
            return Offset;
        }

        if (ParameterIndex >= parameters.Length)
        {
            throw new ArgumentException(
                $"The circuit uses parameter {ParameterIndex} but only {parameters.Length} parameter values were given.",
                nameof(parameters));
        }

        return Offset + Scale * parameters[ParameterIndex];
    }

    public static implicit operator Angle(double value) => Constant(value);

    public override string ToString() => ParameterIndex < 0
        ? Offset.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : $"{Offset}+{Scale}*p[{ParameterIndex}]";
}
