using System.Text.RegularExpressions;
using NasPlatform.Torch;

namespace NasPlatform.Torch.Tests;

/// <summary>LibTorch's thread count has one owner: a component's explicit count wins over the host default, and a clash is refused.</summary>
public sealed class TorchThreadsTests
{
    [Fact]
    public void A_required_count_wins_over_the_host_default_and_a_different_one_is_refused()
    {
        Assert.True(TorchRuntime.IsAvailable);
        try
        {
            TorchThreads.UseHostDefault();
            Assert.Equal(1, TorchThreads.Current);

            TorchThreads.Require(2, "evaluator A");
            TorchThreads.UseHostDefault();
            Assert.Equal(2, TorchThreads.Current);
            TorchThreads.Require(2, "evaluator B");

            var clash = Assert.Throws<InvalidOperationException>(() => TorchThreads.Require(3, "evaluator C"));
            Assert.Contains("evaluator C requires 3, but evaluator A required 2", clash.Message);
            Assert.Equal(2, TorchThreads.Current);
        }
        finally
        {
            TorchThreads.ForgetRequirement();
            TorchThreads.UseHostDefault();
        }

        Assert.Equal(1, TorchThreads.Current);
    }

    [Fact]
    public void Nothing_outside_TorchThreads_sets_the_thread_count()
    {
        var root = FindRepositoryRoot();
        var callers = new[] { "src", "plugins", "tests", "examples", "benchmarks", "tools" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(path => Regex.IsMatch(File.ReadAllText(path), @"\bset_num_(interop_)?threads\s*\("))
            .Select(path => Path.GetRelativePath(root, path))
            .ToList();

        Assert.Equal([Path.Combine("src", "NasPlatform.Torch", "TorchThreads.cs")], callers);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NasPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NasPlatform.sln not found above the test binaries.");
    }
}
