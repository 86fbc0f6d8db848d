using NasPlatform.Search.Predictors;
using NasPlatform.Search;
using NasPlatform.Search.Results;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Predictors;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Results;

namespace NasPlatform.Workflows.Predictors;

/// <summary>
/// Predictor quality against training-set size on a table of measured candidates (such as
/// NAS-Bench-201): repeat r shuffles the table with seed <c>SeedSequence.Derive(seed, r)</c>, trains
/// on the first n rows and ranks the next <c>heldOut</c>, for each n. With pretraining, the
/// predictor is pretrained once per repeat on the free statistics of sampled candidates (as a
/// strategy does) and every fit starts from that trunk.
/// </summary>
public static class PredictorQualityBenchmark
{
    public static IReadOnlyList<PredictorQuality> Run(
        ISearchSpace space,
        IReadOnlyList<(Candidate Candidate, double Value)> table,
        IReadOnlyList<int> trainingSizes,
        int heldOut,
        int repeats,
        PredictorSettings settings,
        PredictorCatalog predictors,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(trainingSizes);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        if (trainingSizes.Count == 0 || trainingSizes.Max() + heldOut > table.Count)
        {
            throw new ArgumentException($"The table has {table.Count} rows; the largest training size plus {heldOut} held out must fit in it.", nameof(trainingSizes));
        }

        var encodings = table.Select(r => space.Encode(r.Candidate)).ToArray();
        var taus = trainingSizes.Select(_ => new double[repeats]).ToArray();
        var rhos = trainingSizes.Select(_ => new double[repeats]).ToArray();
        for (var r = 0; r < repeats; r++)
        {
            var repeatSeed = SeedSequence.Derive(seed, r);
            var order = Enumerable.Range(0, table.Count).ToArray();
            new Random(repeatSeed).Shuffle(order);
            var test = order.Skip(trainingSizes.Max()).Take(heldOut).ToArray();
            var testX = test.Select(i => encodings[i]).ToArray();
            var testY = test.Select(i => table[i].Value).ToArray();
            var predictor = settings.CreatePredictor(predictors);
            try
            {
                if (settings.PretrainsMlp && predictor is IPretrainablePredictor pretrainable)
                {
                    var sample = PretrainingSample.Draw(space, settings.PretrainSamples, new Random(SeedSequence.Derive(repeatSeed, 1)));
                    pretrainable.Pretrain(sample.Encodings, sample.Statistics, SeedSequence.Derive(repeatSeed, 2));
                }

                for (var s = 0; s < trainingSizes.Count; s++)
                {
                    var train = order.Take(trainingSizes[s]).ToArray();
                    predictor.Fit(train.Select(i => encodings[i]).ToArray(), train.Select(i => table[i].Value).ToArray(), SeedSequence.Derive(repeatSeed, 3 + s));
                    var predicted = predictor.Predict(testX).Mean;
                    taus[s][r] = RankCorrelation.KendallTauB(predicted, testY);
                    rhos[s][r] = RankCorrelation.Spearman(predicted, testY);
                }
            }
            finally
            {
                (predictor as IDisposable)?.Dispose();
            }
        }

        return trainingSizes.Select((n, s) => new PredictorQuality(n, taus[s], rhos[s])).ToList();
    }
}
