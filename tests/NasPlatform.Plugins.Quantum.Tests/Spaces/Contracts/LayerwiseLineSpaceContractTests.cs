using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the "layerwise-line" quantum space (see <see cref="QuantumTestSpaces"/>).</summary>
public sealed class LayerwiseLineSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "84eb2c0a67d714be";

    protected override ISearchSpace CreateSpace() => QuantumTestSpaces.Build("layerwise-line").Space;
}
