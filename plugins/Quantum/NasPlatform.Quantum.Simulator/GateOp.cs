namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// One gate in a <see cref="Circuit"/>. <see cref="Qubit1"/> is -1 for one-qubit gates; for controlled
/// gates <see cref="Qubit0"/> is the control. Angles beyond the gate's <see cref="Gates.AngleCount"/> are ignored.
/// </summary>
public sealed record GateOp(GateKind Kind, int Qubit0, int Qubit1, Angle Angle0, Angle Angle1, Angle Angle2, ComplexMatrix? Matrix)
{
    public int Arity => Gates.Arity(Kind);

    public int AngleCount => Gates.AngleCount(Kind);

    public Angle GetAngle(int slot) => slot switch
    {
        0 => Angle0,
        1 => Angle1,
        2 => Angle2,
        _ => throw new ArgumentOutOfRangeException(nameof(slot)),
    };

    public bool IsParameterized =>
        (AngleCount > 0 && Angle0.IsParameterized) ||
        (AngleCount > 1 && Angle1.IsParameterized) ||
        (AngleCount > 2 && Angle2.IsParameterized);

    public bool ActsOn(int qubit) => Qubit0 == qubit || Qubit1 == qubit;

    public void ResolveAngles(ReadOnlySpan<double> parameters, Span<double> angles)
    {
        var count = AngleCount;
        for (var slot = 0; slot < count; slot++)
        {
            angles[slot] = GetAngle(slot).Resolve(parameters);
        }
    }

    public GateOp WithAngle(int slot, Angle angle) => slot switch
    {
        0 => this with { Angle0 = angle },
        1 => this with { Angle1 = angle },
        2 => this with { Angle2 = angle },
        _ => throw new ArgumentOutOfRangeException(nameof(slot)),
    };
}
