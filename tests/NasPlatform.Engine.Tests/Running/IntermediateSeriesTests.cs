using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Tests.Running;

/// <summary>Thinning and batching of intermediate values: a long training keeps a bounded, evenly spread curve.</summary>
public sealed class IntermediateSeriesTests
{
    [Fact]
    public void Ten_thousand_steps_keep_at_most_the_capacity_evenly_spread_with_first_last_and_extremes()
    {
        var series = new IntermediateSeries(500);
        var stored = new SortedSet<int>();
        // A noisy descent whose lowest value (step 6,001) and highest (step 3,333) lie off any stride.
        for (var step = 1; step <= 10_000; step++)
        {
            var loss = step == 6_001 ? -1.0 : step == 3_333 ? 9.0 : 1.0 / step;
            series.Add(step, new Dictionary<string, double> { ["loss"] = loss });
            if (step % 97 == 0)
            {
                Apply(series, stored);
            }
        }

        Apply(series, stored);
        var kept = series.Steps;
        Assert.Equal(kept, stored.ToList());
        Assert.InRange(kept.Count, 250, 500);
        Assert.Equal(1, kept[0]);
        Assert.Equal(10_000, kept[^1]);
        Assert.Contains(6_001, kept);
        Assert.Contains(3_333, kept);
        // Evenly spread: no gap between kept steps is wider than twice the stride (the stride is 10,000 / kept at most).
        var gaps = kept.Zip(kept.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.Max() <= 2 * 10_000 / 250, $"largest gap {gaps.Max()}");
    }

    [Fact]
    public void A_short_training_keeps_every_step_and_a_repeated_step_keeps_its_latest_values()
    {
        var series = new IntermediateSeries(500);
        for (var step = 1; step <= 40; step++)
        {
            series.Add(step, new Dictionary<string, double> { ["accuracy"] = step / 40.0 });
        }

        series.Add(40, new Dictionary<string, double> { ["accuracy"] = 0.99 });
        var (added, removed) = series.Drain();
        Assert.Equal(Enumerable.Range(1, 40), added.Select(a => a.Step));
        Assert.Equal(0.99, added[^1].Metrics["accuracy"]);
        Assert.Empty(removed);
        Assert.False(series.HasChanges);
    }

    [Fact]
    public void The_recorder_writes_in_batches_and_a_finished_trial_in_full()
    {
        using var store = new InMemoryTrialStore();
        var id = store.CreateExperiment("exp", "{}", 1, "/tmp").Id;
        var recorder = new IntermediateRecorder(store, id, capacity: 100, flushInterval: TimeSpan.FromHours(1));
        for (var step = 1; step <= 1_000; step++)
        {
            recorder.Report(3, step, new Dictionary<string, double> { ["loss"] = 1.0 / step });
            recorder.Report(4, step, new Dictionary<string, double> { ["loss"] = 2.0 / step });
        }

        // Nothing written yet: the interval has not passed, however many steps came.
        Assert.Equal(0, recorder.Flushes);
        Assert.Empty(store.GetIntermediateValues(id));

        recorder.Flush(3);
        Assert.Equal(1, recorder.Flushes);
        var curve = store.GetIntermediateValues(id, 3);
        Assert.InRange(curve.Count, 50, 100);
        Assert.Equal((1, 1000), (curve[0].Step, curve[^1].Step));
        Assert.Empty(store.GetIntermediateValues(id, 4));

        // An interrupted trial's unwritten values are dropped: it starts over.
        recorder.Forget(4);
        recorder.Flush();
        Assert.Empty(store.GetIntermediateValues(id, 4));
    }

    private static void Apply(IntermediateSeries series, SortedSet<int> stored)
    {
        var (added, removed) = series.Drain();
        Assert.Empty(added.Select(a => a.Step).Intersect(removed));
        stored.UnionWith(added.Select(a => a.Step));
        stored.ExceptWith(removed);
    }
}
