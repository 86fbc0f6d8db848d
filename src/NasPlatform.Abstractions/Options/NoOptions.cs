namespace NasPlatform.Abstractions.Options;

/// <summary>The options of a component that has none: its schema accepts only <c>{}</c>.</summary>
public sealed record NoOptions;
