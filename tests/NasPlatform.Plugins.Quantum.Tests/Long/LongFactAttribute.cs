namespace NasPlatform.Plugins.Quantum.Tests.Long;

/// <summary>A test that takes minutes: skipped unless NASPLATFORM_LONG_TESTS=1.</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("NASPLATFORM_LONG_TESTS") != "1")
        {
            Skip = "Long test: set NASPLATFORM_LONG_TESTS=1 to run it.";
        }
    }
}
