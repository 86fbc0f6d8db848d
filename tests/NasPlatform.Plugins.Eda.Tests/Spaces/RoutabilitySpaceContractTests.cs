using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Eda.Tests.Spaces;

/// <summary>The search-space laws for the routability space with its default choices.</summary>
public sealed class RoutabilitySpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "3fa488eaba37a4ef";

    protected override ISearchSpace CreateSpace() => new RoutabilitySpace();
}
