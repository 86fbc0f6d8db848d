using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Vision.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the MBConv space that searches the architecture only.</summary>
public sealed class FixedRecipeMbConvSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "c3f1bb125b6ef7c9";

    protected override ISearchSpace CreateSpace() => new MbConvSpace(MbConvSpaceOptions.Default with { SearchRecipe = false });
}
