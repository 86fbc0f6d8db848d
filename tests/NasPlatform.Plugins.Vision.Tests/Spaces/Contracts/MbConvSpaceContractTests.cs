using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Vision.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the MBConv space with its default options.</summary>
public sealed class MbConvSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "5ebc9a57dc60b0c7";

    protected override ISearchSpace CreateSpace() => new MbConvSpace(MbConvSpaceOptions.Default);
}
