using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the "gatewise-grid" quantum space (see <see cref="QuantumTestSpaces"/>).</summary>
public sealed class GatewiseGridSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "6a84543be8e76a84";

    protected override ISearchSpace CreateSpace() => QuantumTestSpaces.Build("gatewise-grid").Space;
}
