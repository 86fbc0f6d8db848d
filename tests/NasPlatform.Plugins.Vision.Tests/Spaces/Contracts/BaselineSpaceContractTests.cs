using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace NasPlatform.Plugins.Vision.Tests.Spaces.Contracts;

/// <summary>The search-space laws for the space of the four baseline networks with the default recipe.</summary>
public sealed class BaselineSpaceContractTests : SearchSpaceContract
{
    protected override string PinnedTraceDigest => "7663b054a18c0970";

    protected override ISearchSpace CreateSpace() => new BaselineSpace([.. Baselines.Names], InputShape.FashionMnist, new RecipeGenes(true, [10], [128]));
}
