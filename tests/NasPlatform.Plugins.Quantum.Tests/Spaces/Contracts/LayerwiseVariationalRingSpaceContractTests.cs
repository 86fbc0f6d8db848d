using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the "layerwise-variational-ring" quantum space (see <see cref="QuantumTestSpaces"/>).</summary>
public sealed class LayerwiseVariationalRingSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "40e709bdedce980d";

    protected override ISearchSpace CreateSpace() => QuantumTestSpaces.Build("layerwise-variational-ring").Space;
}
