using NasPlatform.Abstractions;
using NasPlatform.Engine;

namespace NasPlatform.Dashboard.Tests;

public sealed class HostGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("::1", "[::1]")]
    [InlineData("127.0.0.2", "127.0.0.2")]
    public void LoopbackAddressesAreServedWithoutBeingTold(string host, string expected) =>
        Assert.Equal(expected, HostGuard.Check(host, allowRemote: false));

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    [InlineData("::")]
    public void NonLoopbackAddressesAreRefusedUnlessAllowed(string host)
    {
        var refused = Assert.Throws<NasConfigurationException>(() => HostGuard.Check(host, allowRemote: false));

        Assert.Contains("--allow-remote", refused.Message);
        Assert.Contains(host, refused.Message);
        Assert.NotEmpty(HostGuard.Check(host, allowRemote: true));
    }

    [Fact]
    public void AHostNameOtherThanLocalhostIsBadInput()
    {
        var refused = Assert.Throws<NasConfigurationException>(() => HostGuard.Check("example.org", allowRemote: true));

        Assert.Contains("not an IP address", refused.Message);
    }
}
