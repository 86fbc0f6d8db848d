using System.Runtime.InteropServices;
using NasPlatform.Torch.Native;
using TorchSharp;
using Xunit;

namespace NasPlatform.Torch.Tests;

public sealed class GlibcAllocatorTuningTests
{
    [Fact]
    public void A_freed_tensor_buffer_stays_in_the_process_for_the_next_step()
    {
        Assert.True(OperatingSystem.IsLinux(), "this check reads glibc's allocator statistics");
        TorchRuntime.EnsureAvailable();
        Assert.True(TorchRuntime.AllocatorTuned, "glibc's allocator was not tuned when TorchSharp loaded");

        // 24 MiB: above glibc's default mmap threshold, so with the defaults the buffer is mapped for the
        // tensor and unmapped when it is freed; tuned, it comes from the heap and stays there, free.
        const long floats = 6L * 1024 * 1024;
        var before = MallInfo2();
        using (var t = torch.ones(floats))
        {
            Assert.Equal(floats, t.sum().item<float>());
            var during = MallInfo2();
            var mapped = (long)during.hblkhd - (long)before.hblkhd;
            Assert.True(mapped < 1024 * 1024, $"the tensor's buffer was mmapped ({mapped} bytes)");
        }

        var after = MallInfo2();
        Assert.True((long)after.fordblks >= floats * sizeof(float), $"only {after.fordblks} free bytes kept in the heap after the tensor was freed");
    }

    [Theory]
    [InlineData("NASPLATFORM_MALLOC_TUNING", "0")]
    [InlineData("MALLOC_TRIM_THRESHOLD_", "1000000")]
    [InlineData("MALLOC_TOP_PAD_", "0")]
    public void An_explicit_opt_out_or_the_users_own_glibc_settings_are_respected(string variable, string value)
    {
        // Through a lookup rather than the process environment, which other test classes read in parallel.
        Assert.False(GlibcAllocatorTuning.Apply(name => name == variable ? value : null));
    }

    private static Info MallInfo2() => mallinfo2();

    [DllImport("libc")]
    private static extern Info mallinfo2();

    [StructLayout(LayoutKind.Sequential)]
    private struct Info
    {
        public nuint arena;
        public nuint ordblks;
        public nuint smblks;
        public nuint hblks;
        public nuint hblkhd;
        public nuint usmblks;
        public nuint fsmblks;
        public nuint uordblks;
        public nuint fordblks;
        public nuint keepcost;
    }
}
