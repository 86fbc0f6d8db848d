using NasPlatform.Plugins.Tabular.Nb201;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Tabular.Tests;

/// <summary>The search-space laws for the NAS-Bench-201 cell space.</summary>
public sealed class Nb201SearchSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "d1d91e665b1120d8";

    protected override ISearchSpace CreateSpace() => new Nb201SearchSpace();
}
