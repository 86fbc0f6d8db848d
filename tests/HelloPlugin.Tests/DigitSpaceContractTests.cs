using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace HelloPlugin.Tests;

/// <summary>The search-space laws for the "digits" space: all a plugin author writes to test a space against the contract.</summary>
public sealed class DigitSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "3e2f2a9586b84707";

    protected override ISearchSpace CreateSpace() => new DigitSpace(6);
}
