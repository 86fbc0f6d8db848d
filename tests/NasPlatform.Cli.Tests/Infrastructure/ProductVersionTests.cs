using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Infrastructure;

/// <summary>The version <c>nas --version</c> prints keeps the commit it was built from, as short as git shows it.</summary>
public sealed class ProductVersionTests
{
    [Theory]
    [InlineData("0.1.0+bf7896902bbdd3b2ca405d69325fd928dbfcca2f", "0.1.0+bf78969")]
    [InlineData("0.1.0+bf78969", "0.1.0+bf78969")]
    [InlineData("0.1.0", "0.1.0")]
    public void The_source_revision_is_cut_to_seven_characters(string informational, string expected)
    {
        Assert.Equal(expected, ProductVersion.Shorten(informational));
    }
}
