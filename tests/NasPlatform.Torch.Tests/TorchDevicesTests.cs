using TorchSharp;

namespace NasPlatform.Torch.Tests;

public sealed class TorchDevicesTests
{
    [Fact]
    public void Cpu_and_auto_resolve_and_a_tensor_lives_there()
    {
        Assert.Equal(DeviceType.CPU, TorchDevices.Resolve("cpu").type);
        var auto = TorchDevices.Resolve("auto");
        Assert.Equal(TorchDevices.CudaAvailable ? DeviceType.CUDA : DeviceType.CPU, auto.type);
        using var t = torch.ones(3, device: auto);
        Assert.Equal(auto.type, t.device_type);
        Assert.Equal(3f, t.sum().cpu().item<float>());
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("CPU")]
    [InlineData("cuda:-1")]
    public void An_unknown_name_lists_the_names_that_work(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => TorchDevices.Resolve(name));
        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains("cuda:N", e.Message);
    }

    [Fact]
    public void A_gpu_that_is_not_there_says_why_and_what_to_do()
    {
        var e = Assert.Throws<TorchUnavailableException>(() => TorchDevices.Resolve("cuda:63"));
        Assert.Contains("cuda:63", e.Message);
        Assert.Contains(TorchDevices.CudaAvailable ? "GPU(s)" : "docs/gpu.md", e.Message);
        if (!TorchDevices.CudaAvailable)
        {
            Assert.Throws<TorchUnavailableException>(() => TorchDevices.Resolve("cuda"));
        }
    }
}
