using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace HelloPlugin;

/// <summary>Options of the "target" evaluator. Exactly one of <see cref="Target"/> and <see cref="TargetFile"/>: a rule a schema cannot say, so <see cref="TargetEvaluator.Create"/> checks it.</summary>
public sealed record TargetOptions
{
    /// <summary>The digits to find.</summary>
    [Description("The digits to find, e.g. \"314159\"; as many as the space's length.")]
    [RegularExpression("^[0-9]{1,32}$")]
    public string? Target { get; init; }

    /// <summary>Or: a text file holding the digits, relative to the experiment file.</summary>
    [Description("Or: a text file holding the digits, relative to the experiment file.")]
    [MinLength(1)]
    public string? TargetFile { get; init; }

    /// <summary>Pretend each full evaluation takes this long (scaled by the fidelity's cost).</summary>
    [Description("Pretend each full evaluation takes this long (scaled by the fidelity's cost).")]
    [Range(0, 60000)]
    public int DelayMilliseconds { get; init; }
}
