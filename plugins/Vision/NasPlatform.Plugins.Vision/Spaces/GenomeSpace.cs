using System.Text.RegularExpressions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// A space whose candidates are a fixed list of categorical genes (an int per gene): sampling, mutation (one
/// gene to another option), uniform crossover and the predictor encoding (each gene's numeric feature) are
/// generic; subclasses map genomes to and from <see cref="VisionCandidate"/>.
/// </summary>
public abstract partial class GenomeSpace : ISearchSpace
{
    protected GenomeSpace(IReadOnlyList<Gene> genes, InputShape input, bool measureLatency = false)
    {
        Genes = genes;
        Input = input;
        MeasureLatency = measureLatency;
    }

    /// <summary>Whether free statistics include <c>latency_ms</c>, measured on the CPU (batch 1, untrained weights).</summary>
    public bool MeasureLatency { get; }

    /// <summary>
    /// Whether free statistics include <c>train_images_per_s</c>: images per second of one CPU training step at the
    /// candidate's batch size (<see cref="Evaluation.TrainingThroughputProbe"/>), measured once per network shape.
    /// </summary>
    public bool MeasureTrainingThroughput { get; init; }

    /// <summary>Where measured statistics are kept per network shape: the plugin's cache (the host's), or nothing outside a host.</summary>
    public IComponentCache Cache { get; init; } = UncachedComponentCache.Instance;

    public IReadOnlyList<Gene> Genes { get; }

    public InputShape Input { get; }

    public int EncodingLength => Genes.Count;

    protected abstract VisionCandidate Decode(int[] genome);

    /// <summary>The genome of a parsed candidate, or the problems that keep it outside this space.</summary>
    protected abstract (int[]? Genome, List<string> Problems) Encode(VisionCandidate candidate);

    public Candidate Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Decode([.. Genes.Select(g => rng.Next(g.Count))]).ToCandidate();
    }

    public Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var genome = Genome(parent);
        var mutable = Enumerable.Range(0, Genes.Count).Where(i => Genes[i].Count > 1).ToArray();
        if (mutable.Length == 0)
        {
            return parent;
        }

        var gene = mutable[rng.Next(mutable.Length)];
        var next = rng.Next(Genes[gene].Count - 1);
        genome[gene] = next >= genome[gene] ? next + 1 : next;
        return Decode(genome).ToCandidate();
    }

    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var a = Genome(first);
        var b = Genome(second);
        return Decode([.. a.Select((g, i) => rng.Next(2) == 0 ? g : b[i])]).ToCandidate();
    }

    public IReadOnlyList<string> Validate(Candidate candidate)
    {
        try
        {
            var parsed = VisionCandidate.Parse(candidate);
            var (genome, problems) = Encode(parsed);
            if (genome is not null)
            {
                NetworkStatistics.Count(parsed.Network(Input.Channels, Input.Resolution, Input.Classes));
            }

            return problems;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return [e.Message];
        }
    }

    public double[] Encode(Candidate candidate)
    {
        var genome = Genome(candidate);
        return [.. genome.Select((g, i) => Genes[i].Features[g])];
    }

    /// <summary>
    /// One choice per gene, in gene order, named by the gene's path with "architecture." dropped and
    /// <c>stages[2]</c> written <c>stage2</c>: <c>stem=16</c>, <c>stage2.kernel=5</c>, <c>recipe.learningRate=0.05</c>.
    /// The value is the candidate's own JSON value at the gene's path.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        _ = Genome(candidate);
        var json = candidate.ToJson();
        // A recipe key written only when on (erase) is missing when off, which is the option 0.
        return [.. Genes.Select(g => KeyValuePair.Create(ChoiceName(g.Name), json.SelectToken(g.Name) is { } value ? CandidateChoices.Text(value) : "0"))];
    }

    /// <summary>The encoding is one numeric feature per gene, so it is named like the choices.</summary>
    public IReadOnlyList<string> EncodingFeatureNames => [.. Genes.Select(g => ChoiceName(g.Name))];

    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate)
    {
        var parsed = VisionCandidate.Parse(candidate);
        var network = parsed.Network(Input.Channels, Input.Resolution, Input.Classes);
        var (parameters, macs) = NetworkStatistics.Count(network);
        var statistics = new Dictionary<string, double>
        {
            ["params"] = parameters,
            ["macs"] = macs,
            ["depth"] = parsed.Depth(Input.Classes),
        };
        if (MeasureLatency)
        {
            statistics["latency_ms"] = Evaluation.LatencyProbe.MeasureMilliseconds(network);
        }

        if (MeasureTrainingThroughput)
        {
            statistics[Evaluation.TrainingThroughputProbe.Statistic] = Evaluation.TrainingThroughputProbe.ImagesPerSecond(network, parsed.Recipe.BatchSize, Cache);
        }

        return statistics;
    }

    private static string ChoiceName(string genePath) =>
        StagePath().Replace(genePath.StartsWith("architecture.", StringComparison.Ordinal) ? genePath["architecture.".Length..] : genePath, "stage$1");

    [GeneratedRegex(@"stages\[(\d+)\]")]
    private static partial Regex StagePath();

    private int[] Genome(Candidate candidate)
    {
        var (genome, problems) = Encode(VisionCandidate.Parse(candidate));
        return genome ?? throw new ArgumentException($"Candidate {candidate.Hash} is not in this space: {string.Join("; ", problems)}.");
    }
}
