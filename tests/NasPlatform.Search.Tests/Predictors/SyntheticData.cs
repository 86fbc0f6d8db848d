namespace NasPlatform.Search.Tests.Predictors;

/// <summary>Rows of known functions, for checking that predictors learn.</summary>
internal static class SyntheticData
{
    public static readonly double[] Weights = [3.0, -2.0, 1.5, 0.5, -1.0, 2.5, 0.0, 1.0];

    /// <summary>Uniform rows in [0, 1]^8 with y = w·x + N(0, noise²).</summary>
    public static (double[][] X, double[] Y) Linear(int rows, int seed, double noise = 0.05)
    {
        var rng = new Random(seed);
        var x = Enumerable.Range(0, rows).Select(_ => Weights.Select(_ => rng.NextDouble()).ToArray()).ToArray();
        var y = x.Select(r => r.Zip(Weights, (a, w) => a * w).Sum() + (noise * Gaussian(rng))).ToArray();
        return (x, y);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
