namespace NasPlatform.Abstractions.Options;

/// <summary>
/// Marks a list option whose items must differ from each other (<c>"uniqueItems": true</c> in the generated schema).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class UniqueItemsAttribute : Attribute
{
}
