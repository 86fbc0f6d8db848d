namespace NasPlatform.Abstractions.Predictors;

/// <summary>What a predictor says about a set of encodings, in their order.</summary>
/// <param name="Mean">The predicted value of each row.</param>
/// <param name="Spread">Its uncertainty, as a standard deviation (an ensemble's spread, a GP's posterior deviation); 0 where unknown.</param>
public sealed record Prediction(double[] Mean, double[] Spread)
{
    /// <summary>Number of rows predicted.</summary>
    public int Count => Mean.Length;
}
