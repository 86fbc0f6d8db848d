namespace NasPlatform.Engine.Tests.Predictors;

/// <summary>A test that takes minutes: it runs only when NASPLATFORM_LONG_TESTS=1 (e.g. `NASPLATFORM_LONG_TESTS=1 ./test.sh`).</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (!Enabled)
        {
            Skip = "long test: set NASPLATFORM_LONG_TESTS=1 to run it";
        }
    }

    public static bool Enabled => Environment.GetEnvironmentVariable("NASPLATFORM_LONG_TESTS") == "1";
}
