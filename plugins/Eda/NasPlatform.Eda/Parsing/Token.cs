namespace NasPlatform.Eda.Parsing;

/// <summary>One LEF/DEF word with the 1-based line it starts on.</summary>
public readonly record struct Token(string Text, int Line);
