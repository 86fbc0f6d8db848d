using NasPlatform.Search.Results;
using NasPlatform.Abstractions.Predictors;

namespace NasPlatform.Search.Predictors;

/// <summary>Rank quality of a predictor on rows it was not trained on, by k-fold cross-validation.</summary>
public static class CrossValidation
{
    /// <summary>
    /// Splits the rows into <paramref name="folds"/> folds (a permutation drawn from <paramref name="seed"/>),
    /// fits the predictor on all folds but one and predicts that one, for each fold; the pooled
    /// out-of-fold predictions are compared with the targets. A fit replaces the previous one (a
    /// pretrained MLP starts each from its pretrained trunk), so afterwards the predictor holds the
    /// last fold's fit: refit it on all rows to use it.
    /// </summary>
    /// <returns>Kendall tau-b and Spearman rho of the pooled out-of-fold predictions.</returns>
    public static (double KendallTau, double SpearmanRho) Run(
        IPredictor predictor,
        IReadOnlyList<double[]> encodings,
        IReadOnlyList<double> targets,
        int folds,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(encodings);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (encodings.Count < folds)
        {
            throw new ArgumentException($"{folds}-fold cross-validation needs at least {folds} rows, not {encodings.Count}.", nameof(encodings));
        }

        var order = Enumerable.Range(0, encodings.Count).ToArray();
        new Random(seed).Shuffle(order);
        var predicted = new double[encodings.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var test = order.Where((_, position) => position % folds == fold).ToArray();
            var train = order.Where((_, position) => position % folds != fold).ToArray();
            predictor.Fit(train.Select(i => encodings[i]).ToArray(), train.Select(i => targets[i]).ToArray(), SeedSequence.Derive(seed, fold));
            var mean = predictor.Predict(test.Select(i => encodings[i]).ToArray()).Mean;
            for (var t = 0; t < test.Length; t++)
            {
                predicted[test[t]] = mean[t];
            }
        }

        return (RankCorrelation.KendallTauB(predicted, targets), RankCorrelation.Spearman(predicted, targets));
    }
}
