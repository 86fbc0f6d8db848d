using NasPlatform.Cli.Display;

namespace NasPlatform.Cli.Tests.Display;

/// <summary>The rate and ETA of the live display, on a clock the test moves.</summary>
public sealed class RunPaceTests
{
    private double _now = 100;

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(42.4, "42 s")]
    [InlineData(59.6, "1m 00s")]
    [InlineData(281, "4m 41s")]
    [InlineData(7500, "2h 05m")]
    [InlineData(273600, "3d 04h")]
    [InlineData(double.PositiveInfinity, "-")]
    [InlineData(-1, "-")]
    public void DurationsReadAsAPersonReadsAnEta(double seconds, string expected) =>
        Assert.Equal(expected, RunPace.Duration(seconds));

    [Theory]
    [InlineData(12.4, "12 trials/min")]
    [InlineData(3.24, "3.2 trials/min")]
    [InlineData(0.456, "0.46 trials/min")]
    public void RatesKeepTwoOrThreeFigures(double perMinute, string expected) =>
        Assert.Equal(expected, RunPace.Rate(perMinute));

    [Fact]
    public void BeforeTheFirstTrialATrialsBudgetWaitsForIt()
    {
        var pace = new RunPace(() => _now);
        _now += 30;

        Assert.Null(pace.TrialsPerMinute());
        Assert.Equal("ETA after the first trial", RunPace.Describe(pace.TrialsPerMinute(), 0, 20, 30, null));
        // A time budget alone knows its end from the start.
        Assert.Equal("ETA 4m 30s", RunPace.Describe(null, 0, null, 30, 300));
        Assert.Equal("rate after the first trial", RunPace.Describe(null, 0, null, 30, null));
    }

    [Fact]
    public void TheRateCountsThisSessionsTrialsUpToNowAndTheEtaTheTrialsLeft()
    {
        var pace = new RunPace(() => _now);
        for (var i = 0; i < 4; i++)
        {
            _now += 15;
            pace.TrialFinished();
        }

        // 4 trials in 60 s; a resumed run has 10 of 20 done, so 10 are left: 2.5 minutes.
        Assert.Equal(4.0, pace.TrialsPerMinute()!.Value, 9);
        Assert.Equal(150, RunPace.EtaSeconds(4, 10, 20, 500, null)!.Value, 9);
        Assert.Equal("4.0 trials/min, ETA 2m 30s", RunPace.Describe(pace.TrialsPerMinute(), 10, 20, 500, null));

        // A stall shows: 60 s more without a finish halves the rate.
        _now += 60;
        Assert.Equal(2.0, pace.TrialsPerMinute()!.Value, 9);
    }

    [Fact]
    public void TheRateFollowsTheLastWindowOfTrials()
    {
        var pace = new RunPace(() => _now);
        // Ten slow trials (60 s each), then ten fast ones (6 s each): the rate is the fast one.
        for (var i = 0; i < RunPace.Window; i++)
        {
            _now += 60;
            pace.TrialFinished();
        }

        for (var i = 0; i < RunPace.Window; i++)
        {
            _now += 6;
            pace.TrialFinished();
        }

        Assert.Equal(10.0, pace.TrialsPerMinute()!.Value, 9);
    }

    [Fact]
    public void TheEarlierOfTheTrialsAndTheTimeBudgetsEndsTheRun()
    {
        // 2 trials/min with 30 left is 15 minutes, but the time budget ends in 100 s.
        Assert.Equal(100, RunPace.EtaSeconds(2, 10, 40, 500, 600)!.Value, 9);
        Assert.Equal(900, RunPace.EtaSeconds(2, 10, 40, 500, 6000)!.Value, 9);
        // A spent budget is zero, not negative; a cost budget alone gives none.
        Assert.Equal(0, RunPace.EtaSeconds(2, 45, 40, 500, null)!.Value, 9);
        Assert.Null(RunPace.EtaSeconds(2, 10, null, 500, null));
        Assert.Equal("2.0 trials/min", RunPace.Describe(2, 10, null, 500, null));
    }
}
