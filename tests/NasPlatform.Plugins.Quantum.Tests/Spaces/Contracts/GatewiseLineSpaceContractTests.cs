using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the "gatewise-line" quantum space (see <see cref="QuantumTestSpaces"/>).</summary>
public sealed class GatewiseLineSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "cfd345e42ac012e8";

    protected override ISearchSpace CreateSpace() => QuantumTestSpaces.Build("gatewise-line").Space;
}
