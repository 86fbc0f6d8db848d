using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;

namespace HelloPlugin.Tests;

/// <summary>The strategy laws for "hill-climb", searching the plugin's own "digits" space.</summary>
public sealed class HillClimbContractTests : SearchStrategyContract
{
    protected override ISearchSpace CreateSpace() => new DigitSpace(6);

    protected override JObject Options => new() { ["initialSamples"] = 5 };

    protected override ISearchStrategy CreateStrategy(StrategyContext context) => new HillClimbFactory().Create(new HillClimbOptions { InitialSamples = (int)Options["initialSamples"]! }, context);
}
