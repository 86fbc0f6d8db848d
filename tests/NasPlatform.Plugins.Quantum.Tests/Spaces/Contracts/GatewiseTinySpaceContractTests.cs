using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the "gatewise-tiny" quantum space (see <see cref="QuantumTestSpaces"/>).</summary>
public sealed class GatewiseTinySpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "39d737900a263326";

    protected override ISearchSpace CreateSpace() => QuantumTestSpaces.Build("gatewise-tiny").Space;
}
