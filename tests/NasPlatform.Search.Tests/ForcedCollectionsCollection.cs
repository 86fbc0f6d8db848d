namespace NasPlatform.Search.Tests;

/// <summary>
/// The tests that force garbage collections in a loop run alone, after the others: the pressure is meant for
/// the code under test, not for whatever other test classes xunit would run beside it in the same process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ForcedCollectionsCollection
{
    public const string Name = "forced garbage collections";
}
