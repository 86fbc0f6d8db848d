using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the chemistry-aware "excitation" space (H2-sized register, fermionic pool).</summary>
public sealed class ExcitationSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "1086e5640bf67612";

    protected override ISearchSpace CreateSpace() =>
        ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "maxOperators": 8 }"""), TestContexts.In());
}
