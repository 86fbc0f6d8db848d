using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Infrastructure;

/// <summary>Exit codes for what no command handles itself: usage errors are bad input, anything else a failed run, never Spectre's -1.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UnhandledErrorsTests
{
    [Fact]
    public void AnUnknownCommandOrAMissingArgumentIsBadInputWithExitCode2()
    {
        var unknown = CliRunner.Run("nosuchcommand");
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("unknown command 'nosuchcommand'", unknown.Error, StringComparison.Ordinal);

        var missing = CliRunner.Run("run");
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("missing required argument", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnexpectedErrorIsAFailedRunWithExitCode1AndTheFirstLinesOfItsMessage()
    {
        // The shape of a LibTorch error as TorchSharp raises it: the message, then the C++ stack.
        var native = new System.Runtime.InteropServices.ExternalException(
            "For integral input tensors, argument alpha must not be a floating point\nnumber.\nException raised from alpha_check at /pytorch/aten/src/ATen/native/BinaryOps.h:19\nframe #0: c10::Error::Error");
        var previous = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        int code;
        try
        {
            code = UnhandledErrors.Report(native);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("ExternalException: For integral input tensors, argument alpha must not be a floating point number.", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("frame #0", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("continues where this stopped", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("(LibTorch: raised from alpha_check at aten/src/ATen/native/BinaryOps.h:19)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_freed_Scalar_is_named_by_where_LibTorch_failed_not_only_by_its_useless_first_line()
    {
        // As TorchSharp raised it from AdamOptimizer.Step before every Scalar was made explicit.
        var native = new System.Runtime.InteropServices.ExternalException(
            "Expected false to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)\n"
            + "Exception raised from toFloat at /pytorch/c10/core/Scalar.h:140 (most recent call first):\nframe #0: c10::Error::Error");

        var summary = UnhandledErrors.Summary(native);

        Assert.StartsWith("Expected false to be true, but got false. (LibTorch: raised from toFloat at c10/core/Scalar.h:140)", summary, StringComparison.Ordinal);
        Assert.Contains("TorchSharp Scalar was freed", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Could this error message be improved", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("frame #0", summary, StringComparison.Ordinal);
    }
}
