namespace NasPlatform.Engine.Schemas;

/// <summary>
/// A number as written in a JSON file, attached as an annotation to a token whose value .NET cannot
/// hold (an integer beyond 64 bits, or a number beyond a double's range such as 1e400), so problems
/// quote what the user wrote rather than the "Infinity" or rounded value it was read as.
/// </summary>
/// <param name="Text">The number's text, e.g. "99999999999999999999999".</param>
public sealed record NumberLiteral(string Text);
