using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the "layerwise-ring-order-grid" quantum space (see <see cref="QuantumTestSpaces"/>).</summary>
public sealed class LayerwiseRingOrderGridSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "0c116f68e66db2c3";

    protected override ISearchSpace CreateSpace() => QuantumTestSpaces.Build("layerwise-ring-order-grid").Space;
}
