using System.Text;
using NasPlatform.Torch.Native;

namespace NasPlatform.Torch.Tests;

/// <summary>The load diagnosis reads real ELF data: TorchSharp's library in this output folder and this process's libstdc++.</summary>
public sealed class NativeLoadDiagnosisTests
{
    private static string TorchSharpNative =>
        TorchRuntime.FindNativeLibrary() ?? throw new InvalidOperationException("libLibTorchSharp.so is not in the test output");

    [Fact]
    public void TheRealLibraryNeedsGlibcxx3432ForIosBaseLibraryInit()
    {
        var versions = ElfSymbolVersions.Read(TorchSharpNative);

        var libstdcxx = Assert.Single(versions.Requirements, r => r.File == "libstdc++.so.6");
        var required = Assert.Single(libstdcxx.Versions, v => v.Name == "GLIBCXX_3.4.32");
        Assert.Equal(["_ZSt21ios_base_library_initv"], required.Symbols);
        Assert.Contains(libstdcxx.Versions, v => v.Name == "CXXABI_1.3");
        Assert.Contains("libtorch.so", versions.Needed);
        Assert.Contains("libstdc++.so.6", versions.Needed);
    }

    [Fact]
    public void TheLibstdcxxThisProcessUsesSatisfiesEveryRequirement()
    {
        var loaded = NativeLoadDiagnosis.LocateProviderForThisProcess("libstdc++.so.6", Path.GetDirectoryName(TorchSharpNative)!);

        Assert.NotNull(loaded);
        Assert.Contains("GLIBCXX_3.4.32", ElfSymbolVersions.Read(loaded).Definitions);
        Assert.Empty(NativeLoadDiagnosis.FindMissingVersions(TorchSharpNative, NativeLoadDiagnosis.LocateProviderForThisProcess));
    }

    [Fact]
    public void AnOlderLibstdcxxIsExplainedWithTheMissingVersionTheSymbolAndTheFix()
    {
        var folder = Directory.CreateTempSubdirectory("nas-torch-diagnosis-");
        try
        {
            var old = Path.Combine(folder.FullName, "libstdc++.so.6");
            WriteAsGcc13Predecessor(
                NativeLoadDiagnosis.LocateProviderForThisProcess("libstdc++.so.6", folder.FullName)!, old);
            string? Locate(string soname, string requester) =>
                soname == "libstdc++.so.6" ? old : NativeLoadDiagnosis.LocateProviderForThisProcess(soname, requester);

            var missing = NativeLoadDiagnosis.FindMissingVersions(TorchSharpNative, Locate);
            var message = NativeLoadDiagnosis.Explain(TorchSharpNative, "loader text", missing);

            Assert.NotEmpty(missing);
            Assert.All(missing, m => Assert.Equal("GLIBCXX_3.4.32", m.Version));
            var own = Assert.Single(missing, m => m.Library == TorchSharpNative);
            Assert.Equal("GLIBCXX_3.4.31", own.NewestProvided);
            Assert.Contains(TorchSharpNative, message);
            Assert.Contains("needs GLIBCXX_3.4.32 (for std::ios_base_library_init())", message);
            Assert.Contains($"{old} only goes up to GLIBCXX_3.4.31", message);
            Assert.Contains("scripts/torch-compat.sh", message);
            Assert.Contains("loader text", message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("_ZSt21ios_base_library_initv", "std::ios_base_library_init()")]
    [InlineData("_ZNSt6thread6_StateD2Ev", "std::thread::_State::~_State()")]
    [InlineData("_ZNKSt5ctypeIcE8do_widenEc", "_ZNKSt5ctypeIcE8do_widenEc")]
    [InlineData("_ZN3foo3barEi", "foo::bar(...)")]
    [InlineData("memcpy", "memcpy")]
    public void DemanglesSimpleNamesAndLeavesTheRestAlone(string mangled, string expected) =>
        Assert.Equal(expected, CxxNames.Demangle(mangled));

    [Fact]
    public void NewestOfFamilyComparesVersionsNumerically() =>
        Assert.Equal("GLIBCXX_3.4.30",
            NativeLoadDiagnosis.NewestOfFamily(["GLIBCXX_3.4.9", "GLIBCXX_3.4.30", "GLIBCXX_3.4", "CXXABI_1.3.15"], "GLIBCXX_3.4.32"));

    // A copy of a real libstdc++ whose version names from GLIBCXX_3.4.32 on are renamed, as in GCC 12's.
    private static void WriteAsGcc13Predecessor(string source, string destination)
    {
        var bytes = File.ReadAllBytes(source);
        var prefix = Encoding.ASCII.GetBytes("GLIBCXX_3.4.3");
        for (var i = bytes.AsSpan().IndexOf(prefix); i >= 0;)
        {
            var digit = i + prefix.Length;
            if (digit + 1 < bytes.Length && bytes[digit] is >= (byte)'2' and <= (byte)'9' && bytes[digit + 1] == 0)
                bytes[i] = (byte)'X';
            var next = bytes.AsSpan(digit).IndexOf(prefix);
            i = next < 0 ? -1 : digit + next;
        }
        File.WriteAllBytes(destination, bytes);
    }
}
