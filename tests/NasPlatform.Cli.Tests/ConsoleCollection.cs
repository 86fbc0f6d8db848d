namespace NasPlatform.Cli.Tests;

/// <summary>Tests that redirect Console.Out/Error share this collection, so they never run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
