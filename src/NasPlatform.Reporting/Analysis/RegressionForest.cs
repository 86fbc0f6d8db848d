namespace NasPlatform.Reporting.Analysis;

/// <summary>
/// A small random forest of regression trees (bootstrap samples, a random subset of features tried at each split,
/// variance reduction), enough as the surrogate of <see cref="ParameterImportance"/>. Deterministic from its seed.
/// </summary>
internal sealed class RegressionForest
{
    private const int MinLeaf = 2;
    private const int MaxDepth = 12;

    private readonly List<Node> _trees;
    private readonly List<bool[]> _inBag;

    private RegressionForest(List<Node> trees, List<bool[]> inBag)
    {
        _trees = trees;
        _inBag = inBag;
    }

    /// <summary>How many trees.</summary>
    public int Count => _trees.Count;

    /// <summary>Grows <paramref name="trees"/> trees on <paramref name="x"/> (rows of features) and <paramref name="y"/>.</summary>
    public static RegressionForest Fit(double[][] x, double[] y, int trees, Random random)
    {
        var n = y.Length;
        var features = x.Length == 0 ? 0 : x[0].Length;
        var tried = Math.Max(1, (int)Math.Ceiling(features / 3.0));
        var grown = new List<Node>(trees);
        var inBag = new List<bool[]>(trees);
        for (var t = 0; t < trees; t++)
        {
            var sample = new int[n];
            var bag = new bool[n];
            for (var i = 0; i < n; i++)
            {
                sample[i] = random.Next(n);
                bag[sample[i]] = true;
            }

            grown.Add(Grow(x, y, sample, 0, tried, random));
            inBag.Add(bag);
        }

        return new RegressionForest(grown, inBag);
    }

    /// <summary>Whether row <paramref name="row"/> was in tree <paramref name="tree"/>'s bootstrap sample.</summary>
    public bool InBag(int tree, int row) => _inBag[tree][row];

    /// <summary>Tree <paramref name="tree"/>'s prediction for <paramref name="features"/>.</summary>
    public double Predict(int tree, double[] features)
    {
        var node = _trees[tree];
        while (node.Left is not null)
        {
            node = features[node.Feature] <= node.Threshold ? node.Left : node.Right!;
        }

        return node.Value;
    }

    private static Node Grow(double[][] x, double[] y, int[] rows, int depth, int tried, Random random)
    {
        var mean = rows.Average(r => y[r]);
        if (depth >= MaxDepth || rows.Length < 2 * MinLeaf)
        {
            return new Node(mean);
        }

        var features = x[0].Length;
        var order = Enumerable.Range(0, features).OrderBy(_ => random.Next()).Take(tried);
        (int Feature, double Threshold, double Score) best = (-1, 0, 0);
        foreach (var f in order)
        {
            var split = BestSplit(x, y, rows, f);
            if (split.Score > best.Score + 1e-12)
            {
                best = (f, split.Threshold, split.Score);
            }
        }

        if (best.Feature < 0)
        {
            return new Node(mean);
        }

        var left = rows.Where(r => x[r][best.Feature] <= best.Threshold).ToArray();
        var right = rows.Where(r => x[r][best.Feature] > best.Threshold).ToArray();
        return new Node(mean)
        {
            Feature = best.Feature,
            Threshold = best.Threshold,
            Left = Grow(x, y, left, depth + 1, tried, random),
            Right = Grow(x, y, right, depth + 1, tried, random),
        };
    }

    // The split of feature f that most reduces the sum of squared errors (scanning the sorted values once).
    private static (double Threshold, double Score) BestSplit(double[][] x, double[] y, int[] rows, int f)
    {
        var sorted = rows.OrderBy(r => x[r][f]).ToArray();
        double total = 0, totalSq = 0;
        foreach (var r in sorted)
        {
            total += y[r];
            totalSq += y[r] * y[r];
        }

        var n = sorted.Length;
        var parent = totalSq - (total * total / n);
        double left = 0, leftSq = 0;
        (double Threshold, double Score) best = (0, 0);
        for (var i = 0; i < n - 1; i++)
        {
            left += y[sorted[i]];
            leftSq += y[sorted[i]] * y[sorted[i]];
            var a = x[sorted[i]][f];
            var b = x[sorted[i + 1]][f];
            if (a == b || i + 1 < MinLeaf || n - i - 1 < MinLeaf)
            {
                continue;
            }

            var nl = i + 1;
            var nr = n - nl;
            var right = total - left;
            var sse = leftSq - (left * left / nl) + (totalSq - leftSq) - (right * right / nr);
            if (parent - sse > best.Score)
            {
                best = ((a + b) / 2, parent - sse);
            }
        }

        return best;
    }

    private sealed class Node(double value)
    {
        public double Value { get; } = value;

        public int Feature { get; init; }

        public double Threshold { get; init; }

        public Node? Left { get; init; }

        public Node? Right { get; init; }
    }
}
