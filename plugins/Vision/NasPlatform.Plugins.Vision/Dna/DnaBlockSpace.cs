using System.Globalization;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// DNA's block-wise space: a candidate is one teacher block's index and the MBConv stage that replaces it (depth,
/// expansion, kernel, squeeze-excitation, activation; width and stride are the teacher block's, as in DNA, so every
/// stage keeps its block's shapes). Any engine strategy searches it; the <c>dna-rating</c> evaluator rates each stage
/// by how well it imitates its block, and <c>nas combine</c> assembles one stage per block into an <c>mbconv</c>
/// network (the teacher's stem and head, the recipe from the options). Because widths and shapes are the teacher's,
/// the assembled network's parameters and MACs are exactly <see cref="FixedStatistics"/> plus its stages' own.
/// </summary>
public sealed class DnaBlockSpace : ISearchSpace, IBlockwiseSpace
{
    public const string Name = "dna-block";

    private const int StageGenesCount = 5;

    private readonly DnaBlockSpaceOptions _options;
    private readonly NetworkSpec _teacher;
    private readonly int _stem;
    private readonly int _head;
    private readonly int[][] _depths;

    public DnaBlockSpace(DnaBlockSpaceOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _teacher = new NetworkSpec(options.Input.Channels, options.Input.Resolution, Baselines.Layers(options.Teacher, options.Input.Classes));
        Blocks = TeacherBlock.Split(_teacher);
        _stem = _teacher.Layers[0] is ConvLayer { Kernel: 3 } stem ? stem.Out : throw new ArgumentException($"Teacher '{options.Teacher}' does not start with a 3x3 stem.");
        var last = Blocks[^1];
        _head = _teacher.Layers[last.FirstLayer + last.LayerCount] is ConvLayer { Kernel: 1 } head ? head.Out : 0;
        _depths = [.. Blocks.Select(b => options.Depths.Where(d => d > 0 || (b.Stride == 1 && b.InChannels == b.OutChannels)).ToArray())];
        var unusable = Blocks.FirstOrDefault(b => _depths[b.Index].Length == 0);
        if (unusable is not null)
        {
            throw new ComponentConfigurationException("depths", $"Teacher block {unusable.Index} changes shape (stride {unusable.Stride}, {unusable.InChannels} to {unusable.OutChannels} channels), so it cannot be skipped; offer a depth of at least 1.");
        }

        var reference = Assemble(Blocks.Select(b => new DnaBlockCandidate(options.Teacher, b.Index, StageOf(b, _depths[b.Index][0], 0, 0, 0, 0)).ToCandidate()).ToList());
        var whole = AssembledStatistics(reference);
        var blocks = Blocks.Select(b => FreeStatistics(new DnaBlockCandidate(options.Teacher, b.Index, StageOf(b, _depths[b.Index][0], 0, 0, 0, 0)).ToCandidate())).ToList();
        FixedStatistics = new Dictionary<string, double>
        {
            ["params"] = whole["params"] - blocks.Sum(s => s["params"]),
            ["macs"] = whole["macs"] - blocks.Sum(s => s["macs"]),
            ["depth"] = 0,
        };
    }

    /// <summary>The teacher's blocks, in order.</summary>
    public IReadOnlyList<TeacherBlock> Blocks { get; }

    public int BlockCount => Blocks.Count;

    public IReadOnlyDictionary<string, double> FixedStatistics { get; }

    public int EncodingLength => Blocks.Count + StageGenesCount;

    /// <summary>The space of an experiment file's options.</summary>
    public static DnaBlockSpace Create(DnaBlockOptions options, ComponentContext context) => new(DnaBlockSpaceOptions.From(options));

    public Candidate Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var block = Blocks[rng.Next(Blocks.Count)];
        return Make(block, [rng.Next(_depths[block.Index].Length), rng.Next(_options.Expansions.Length), rng.Next(_options.Kernels.Length), rng.Next(_options.SqueezeExcite.Length), rng.Next(_options.Activations.Length)]);
    }

    public Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var (block, genes) = Genome(parent);
        int[] counts = [Blocks.Count, _depths[block].Length, _options.Expansions.Length, _options.Kernels.Length, _options.SqueezeExcite.Length, _options.Activations.Length];
        var mutable = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 1).ToArray();
        if (mutable.Length == 0)
        {
            return parent;
        }

        var gene = mutable[rng.Next(mutable.Length)];
        var current = gene == 0 ? block : genes[gene - 1];
        var next = rng.Next(counts[gene] - 1);
        next = next >= current ? next + 1 : next;
        if (gene == 0)
        {
            return Make(Blocks[next], genes);
        }

        genes[gene - 1] = next;
        return Make(Blocks[block], genes);
    }

    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var (blockA, a) = Genome(first);
        var (blockB, b) = Genome(second);
        var block = rng.Next(2) == 0 ? blockA : blockB;
        return Make(Blocks[block], [.. a.Select((g, i) => rng.Next(2) == 0 ? g : b[i])]);
    }

    public IReadOnlyList<string> Validate(Candidate candidate)
    {
        try
        {
            _ = Genome(candidate);
            return [];
        }
        catch (ArgumentException e)
        {
            return [e.Message];
        }
    }

    public double[] Encode(Candidate candidate)
    {
        var (block, _) = Genome(candidate);
        var stage = DnaBlockCandidate.Parse(candidate).Stage;
        var features = new double[EncodingLength];
        features[block] = 1;
        features[Blocks.Count] = stage.Depth;
        features[Blocks.Count + 1] = stage.Expansion;
        features[Blocks.Count + 2] = stage.Kernel;
        features[Blocks.Count + 3] = stage.SqueezeExcite ? 1 : 0;
        features[Blocks.Count + 4] = stage.Activation == Activation.HardSwish ? 1 : 0;
        return features;
    }

    /// <summary>The block, then the stage's searched genes: <c>block=2</c>, <c>depth=3</c>, <c>expansion=6</c>, <c>kernel=5</c>, <c>se=true</c>, <c>activation=hswish</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate)
    {
        var (block, _) = Genome(candidate);
        var stage = DnaBlockCandidate.Parse(candidate).Stage;
        return
        [
            KeyValuePair.Create("block", block.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("depth", stage.Depth.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("expansion", stage.Expansion.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("kernel", stage.Kernel.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("se", stage.SqueezeExcite ? "true" : "false"),
            KeyValuePair.Create("activation", VisionCandidate.ActivationName(stage.Activation)),
        ];
    }

    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate)
    {
        var (block, _) = Genome(candidate);
        var stage = DnaBlockCandidate.Parse(candidate).Stage;
        var (parameters, macs) = NetworkStatistics.Count(BlockRater.StageNetwork(Blocks[block], stage));
        return new Dictionary<string, double> { ["params"] = parameters, ["macs"] = macs, ["depth"] = stage.Depth };
    }

    public int BlockOf(Candidate candidate) => Genome(candidate).Block;

    public Candidate Assemble(IReadOnlyList<Candidate> blocks) => AssembledCandidate(blocks).ToCandidate();

    /// <summary>The <c>mbconv</c> network of one stage per block: the teacher's stem and head, the options' recipe.</summary>
    public VisionCandidate AssembledCandidate(IReadOnlyList<Candidate> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count != Blocks.Count)
        {
            throw new ArgumentException($"Assembling needs one candidate per teacher block ({Blocks.Count}); got {blocks.Count}.", nameof(blocks));
        }

        var stages = blocks.Select((c, k) =>
        {
            var block = BlockOf(c);
            return block == k ? DnaBlockCandidate.Parse(c).Stage : throw new ArgumentException($"Candidate {k} of the assembly belongs to block {block}; give one candidate per block, in block order.", nameof(blocks));
        }).ToList();
        return new VisionCandidate(null, _stem, stages, _head, _options.Recipe);
    }

    public IReadOnlyDictionary<string, double> AssembledStatistics(Candidate assembled)
    {
        var network = VisionCandidate.Parse(assembled).Network(_options.Input.Channels, _options.Input.Resolution, _options.Input.Classes);
        var (parameters, macs) = NetworkStatistics.Count(network);
        return new Dictionary<string, double> { ["params"] = parameters, ["macs"] = macs, ["depth"] = VisionCandidate.Parse(assembled).Depth(_options.Input.Classes) };
    }

    private StageGenes StageOf(TeacherBlock block, int depth, int expansion, int kernel, int se, int activation) =>
        new(depth, block.OutChannels, block.Stride, _options.Expansions[expansion], _options.Kernels[kernel], _options.SqueezeExcite[se], _options.Activations[activation]);

    private Candidate Make(TeacherBlock block, int[] genes)
    {
        var depths = _depths[block.Index];
        // A gene index from another block (after a block mutation or crossover) may not exist here: wrap it.
        var depth = depths[genes[0] % depths.Length];
        return new DnaBlockCandidate(_options.Teacher, block.Index, StageOf(block, depth, genes[1], genes[2], genes[3], genes[4])).ToCandidate();
    }

    private (int Block, int[] Genes) Genome(Candidate candidate)
    {
        var parsed = DnaBlockCandidate.Parse(candidate);
        var problems = new List<string>();
        if (parsed.Teacher != _options.Teacher)
        {
            problems.Add($"teacher is '{parsed.Teacher}'; this space's teacher is '{_options.Teacher}'");
        }

        if (parsed.Block < 0 || parsed.Block >= Blocks.Count)
        {
            throw new ArgumentException($"DNA block candidate {candidate.Hash}: block is {parsed.Block}; the teacher '{_options.Teacher}' has blocks 0 to {Blocks.Count - 1}.");
        }

        var block = Blocks[parsed.Block];
        var s = parsed.Stage;
        if (s.Width != block.OutChannels)
        {
            problems.Add($"stage.width is {s.Width}; teacher block {block.Index} has {block.OutChannels} channels");
        }

        if (s.Stride != block.Stride)
        {
            problems.Add($"stage.stride is {s.Stride}; teacher block {block.Index} has stride {block.Stride}");
        }

        int Find<T>(T[] options, T value, string name)
        {
            var index = Array.IndexOf(options, value);
            if (index < 0)
            {
                problems.Add($"{name} is {value}; this space offers {string.Join(", ", options)}" + (name == "stage.depth" && value is 0 ? $" for teacher block {block.Index} (a block that changes shape cannot be skipped)" : string.Empty));
            }

            return Math.Max(0, index);
        }

        int[] genes = [Find(_depths[block.Index], s.Depth, "stage.depth"), Find(_options.Expansions, s.Expansion, "stage.expansion"), Find(_options.Kernels, s.Kernel, "stage.kernel"),
            Find(_options.SqueezeExcite, s.SqueezeExcite, "stage.se"), Find(_options.Activations, s.Activation, "stage.activation")];
        return problems.Count == 0
            ? (block.Index, genes)
            : throw new ArgumentException($"DNA block candidate {candidate.Hash} is not in this space: {string.Join("; ", problems)}.");
    }
}
