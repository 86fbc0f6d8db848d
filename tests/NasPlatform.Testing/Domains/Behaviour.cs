namespace NasPlatform.Testing.Domains;

/// <summary>How <see cref="BitStringEvaluator"/> treats a candidate.</summary>
public enum Behaviour
{
    Normal,
    Throw,
    ReturnNaN,
    HangUntilCancelled,
    HangIgnoringCancellation,
}
