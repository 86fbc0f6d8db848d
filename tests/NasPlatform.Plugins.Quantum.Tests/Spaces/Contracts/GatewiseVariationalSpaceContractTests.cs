using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the "gatewise-variational" quantum space (see <see cref="QuantumTestSpaces"/>).</summary>
public sealed class GatewiseVariationalSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "d5d04303d3574662";

    protected override ISearchSpace CreateSpace() => QuantumTestSpaces.Build("gatewise-variational").Space;
}
