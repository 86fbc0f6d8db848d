using NasPlatform.Tools.TorchScalarBans;

namespace NasPlatform.Torch.Tests;

/// <summary>
/// The banned-symbol list the build enforces (RS0030) matches the TorchSharp this repository builds against:
/// after a TorchSharp upgrade the list must be regenerated, or new Scalar-making members would slip through.
/// </summary>
public sealed class ScalarBanListTests
{
    private static readonly string ListPath = Path.Combine(RepositoryRoot(), "src", "NasPlatform.Torch", "BannedSymbols.TorchSharp.txt");

    [Fact]
    public void The_committed_list_equals_a_fresh_scan_of_the_TorchSharp_assembly()
    {
        var torchSharp = typeof(TorchSharp.Scalar).Assembly.Location;
        var expected = ScalarBanScanner.BannedSymbolsFile(torchSharp);
        Assert.True(expected == File.ReadAllText(ListPath), "src/NasPlatform.Torch/BannedSymbols.TorchSharp.txt is stale: run scripts/torch-scalar-bans.sh");
    }

    [Fact]
    public void The_list_bans_the_implicit_conversions_the_hidden_alpha_of_a_sum_and_the_unsafe_optimizers()
    {
        var ids = File.ReadAllLines(ListPath).Where(l => !l.StartsWith('#')).Select(l => l.Split(';')[0]).ToHashSet();
        Assert.Contains("M:TorchSharp.Scalar.op_Implicit(System.Double)~TorchSharp.Scalar", ids);
        Assert.Contains("M:TorchSharp.Scalar.op_Implicit(System.Int32)~TorchSharp.Scalar", ids);
        Assert.Contains("M:TorchSharp.torch.Tensor.op_Addition(TorchSharp.torch.Tensor,TorchSharp.torch.Tensor)", ids);
        Assert.Contains("M:TorchSharp.torch.Tensor.add_(TorchSharp.torch.Tensor)", ids);
        Assert.Contains("M:TorchSharp.Modules.AdamW.step(System.Func{TorchSharp.torch.Tensor})", ids);
        Assert.Contains(ids, id => id.StartsWith("M:TorchSharp.torch.optim.SGD(", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("M:TorchSharp.torch.nn.BatchNorm2d(", StringComparison.Ordinal));
        // Members that take every Scalar from the caller stay allowed: they are what ScalarScope feeds.
        Assert.DoesNotContain("M:TorchSharp.torch.Tensor.add_(TorchSharp.torch.Tensor,TorchSharp.Scalar)", ids);
        Assert.DoesNotContain("M:TorchSharp.torch.Tensor.mul_(TorchSharp.Scalar)", ids);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NasPlatform.sln not found above the test's folder.");
    }
}
