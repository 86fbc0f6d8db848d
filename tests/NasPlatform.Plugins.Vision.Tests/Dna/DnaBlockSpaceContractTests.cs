using NasPlatform.Plugins.Vision.Dna;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Vision.Tests.Dna;

/// <summary>The search-space laws for the DNA block space (MobileNetV2-like teacher, depths 0 to 3).</summary>
public sealed class DnaBlockSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "3839749a14f9118a";

    protected override ISearchSpace CreateSpace() => new DnaBlockSpace(DnaBlockSpaceOptions.Default with { Depths = [0, 1, 2, 3] });
}
