using NasPlatform.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests;

public sealed class QuantumPluginTests
{
    [Fact]
    public void Describes_itself_with_the_contract_it_was_built_against()
    {
        var description = new QuantumPlugin().Describe();

        Assert.Equal("quantum", description.Id);
        Assert.Equal(ContractVersion.Text, description.ContractVersion);
    }
}
