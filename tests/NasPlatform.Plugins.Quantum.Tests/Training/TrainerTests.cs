using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Tests.Training;

public sealed class TrainerTests
{
    private static readonly Quadratic IllConditioned = new([1, 10, 100, 0.5, 3], [0.3, -1.2, 2.0, 0.7, -0.1]);

    [Fact]
    public void LbfgsMinimizesAnIllConditionedQuadratic()
    {
        var result = Trainer.Minimize(IllConditioned, new TrainingBudget(100, 1, new OptimizerSettings(PlateauTolerance: 0)), new Random(1));
        Assert.True(result.BestLoss < 1e-14, $"loss {result.BestLoss}");
        Assert.Equal(2.0, result.BestParameters[2], 6);
    }

    [Fact]
    public void AdamMinimizesAQuadratic()
    {
        var settings = new OptimizerSettings(OptimizerKind.Adam, LearningRate: 0.05, PlateauTolerance: 0);
        var result = Trainer.Minimize(IllConditioned, new TrainingBudget(3000, 1, settings), new Random(1));
        Assert.True(result.BestLoss < 1e-6, $"loss {result.BestLoss}");
        Assert.Equal(3000, result.Steps);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void LbfgsMinimizesRosenbrock(int dimension)
    {
        var settings = new OptimizerSettings(InitialSigma: 1.0, PlateauTolerance: 0, GradientTolerance: 1e-10);
        var result = Trainer.Minimize(new Rosenbrock(dimension), new TrainingBudget(500, 1, settings), new Random(7));
        Assert.True(result.BestLoss < 1e-12, $"loss {result.BestLoss} after {result.Steps} steps");
        Assert.All(result.BestParameters, x => Assert.Equal(1.0, x, 5));
    }

    [Fact]
    public void AdamDescendsRosenbrock()
    {
        var settings = new OptimizerSettings(OptimizerKind.Adam, LearningRate: 0.02, InitialSigma: 1.0, PlateauTolerance: 0);
        var start = new Rosenbrock(2).Evaluate(new double[2], new double[2]);
        var result = Trainer.Minimize(new Rosenbrock(2), new TrainingBudget(5000, 1, settings), new Random(3));
        Assert.True(result.BestLoss < 1e-3 && result.BestLoss < start, $"loss {result.BestLoss}");
    }

    [Fact]
    public void PlateauStopsEarly()
    {
        var settings = new OptimizerSettings(PlateauTolerance: 1e-9, PlateauWindow: 5);
        var result = Trainer.Minimize(IllConditioned, new TrainingBudget(10_000, 1, settings), new Random(1));
        Assert.True(result.Steps < 200, $"{result.Steps} steps");
        Assert.True(result.BestLoss < 1e-10);
    }

    [Fact]
    public void RestartsKeepTheBestAndAreDeterministic()
    {
        var budget = new TrainingBudget(3, 4, new OptimizerSettings(OptimizerKind.Adam, LearningRate: 0.01, InitialSigma: 2.0, PlateauTolerance: 0));
        var a = Trainer.Minimize(new Rosenbrock(3), budget, new Random(42));
        var b = Trainer.Minimize(new Rosenbrock(3), budget, new Random(42));
        Assert.Equal(a.BestLoss, b.BestLoss);
        Assert.Equal(a.BestParameters, b.BestParameters);
        Assert.Equal(12, a.Steps);
        Assert.Equal(a.BestLoss, new Rosenbrock(3).Evaluate(a.BestParameters, new double[3]));

        // Each restart alone, from the same generator sequence: the kept result is the minimum of the four.
        var rng = new Random(42);
        var single = Enumerable.Range(0, 4)
            .Select(_ => Trainer.Minimize(new Rosenbrock(3), budget with { Restarts = 1 }, rng).BestLoss)
            .Min();
        Assert.Equal(single, a.BestLoss);
    }

    [Fact]
    public void CancellationStopsBetweenSteps()
    {
        using var cts = new CancellationTokenSource();
        var steps = 0;
        var progress = new SynchronousProgress<TrainingProgress>(p =>
        {
            if (++steps == 3)
            {
                cts.Cancel();
            }
        });
        var budget = new TrainingBudget(1000, 1, new OptimizerSettings(OptimizerKind.Adam, PlateauTolerance: 0));
        Assert.Throws<OperationCanceledException>(() => Trainer.Minimize(new Rosenbrock(4), budget, new Random(1), progress, cts.Token));
    }

    [Fact]
    public void ProgressFractionsRiseToOne()
    {
        var fractions = new List<double>();
        var budget = new TrainingBudget(100, 2, new OptimizerSettings(OptimizerKind.Adam, PlateauTolerance: 0));
        Trainer.Minimize(new Rosenbrock(2), budget, new Random(1), new SynchronousProgress<TrainingProgress>(p => fractions.Add(p.Fraction)));
        Assert.Equal(1.0, fractions[^1]);
        Assert.True(fractions.Zip(fractions.Skip(1)).All(p => p.Second >= p.First));
    }
}
