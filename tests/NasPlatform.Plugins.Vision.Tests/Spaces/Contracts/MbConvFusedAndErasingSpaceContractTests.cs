using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Vision.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the MBConv space with the block-kind and random-erasing genes.</summary>
public sealed class MbConvFusedAndErasingSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "ffc040a0f4d7112c";

    protected override ISearchSpace CreateSpace() => new MbConvSpace(MbConvSpaceOptions.From(ComponentOptions.Bind<MbConvOptions>("""{ "blocks": ["mbconv", "fused"], "recipeChoices": { "erase": [0, 0.5] } }""")));
}
