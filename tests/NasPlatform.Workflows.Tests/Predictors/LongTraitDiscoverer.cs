using Xunit.Abstractions;
using Xunit.Sdk;

namespace NasPlatform.Workflows.Tests.Predictors;

/// <summary>Gives every <see cref="LongFactAttribute"/> test the trait Category=Long.</summary>
public sealed class LongTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [new("Category", "Long")];
}
