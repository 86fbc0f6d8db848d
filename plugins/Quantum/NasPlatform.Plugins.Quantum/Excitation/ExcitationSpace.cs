using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Statistics;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Mapping;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// Chemistry-aware circuits: a candidate is an ordered sequence of at most maxOperators operators from a pool
/// (<see cref="ExcitationOperatorPool"/>: fermionic singles and doubles, qubit-ADAPT's Pauli strings or QEB-ADAPT's qubit excitations) applied
/// to the Hartree–Fock state, each with its own angle. Fermionic and QEB circuits keep the molecule's N_alpha and
/// N_beta (qubit-pool circuits keep their parities only, see <see cref="ExcitationOperatorPool"/>), and its gates are the exact decomposition (CNOT ladders), so cnot_count and depth are those of the circuit
/// the evaluator trains. The space restates the molecule's register ("orbitals", "electrons", "mapping",
/// "taper"); the VQE evaluator refuses a mismatch with its molecule before any trial
/// (<see cref="ExcitationSpaceCheck"/>). Mutation inserts, removes or replaces one operator; crossover joins a
/// prefix of one parent to a suffix of the other; the encoding counts each pool operator, plus the length.
/// A child can inherit its parent's trained angles as its initial "angles" (<see cref="WarmStart"/>).
/// </summary>
public sealed class ExcitationSpace : ISearchSpace, IWarmStartSpace
{
    /// <summary>The space's name in experiment files.</summary>
    public const string Name = "excitation";

    /// <param name="pool">The pool operators come from.</param>
    /// <param name="maxOperators">Most operators in a candidate.</param>
    /// <param name="statisticsSamples">Random states per candidate for the sampled statistics.</param>
    public ExcitationSpace(ExcitationOperatorPool pool, int maxOperators, int statisticsSamples = CircuitStatistics.DefaultSamples)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOperators, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(statisticsSamples, 2);
        if (pool.Count == 0)
        {
            throw new ArgumentException($"The {pool.Kind} pool of {pool.Register.Description} is empty (no virtual orbitals or no electrons): nothing to search.", nameof(pool));
        }

        Pool = pool;
        MaxOperators = maxOperators;
        StatisticsSamples = statisticsSamples;
    }

    /// <summary>The operator pool.</summary>
    public ExcitationOperatorPool Pool { get; }

    /// <summary>The molecule's register.</summary>
    public ExcitationRegister Register => Pool.Register;

    /// <summary>Most operators in a candidate.</summary>
    public int MaxOperators { get; }

    /// <summary>Random states per candidate for the sampled statistics.</summary>
    public int StatisticsSamples { get; }

    /// <summary>Where the candidates' statistics are kept: the plugin's cache when the host made the space.</summary>
    public IComponentCache Cache { get; init; } = UncachedComponentCache.Instance;

    /// <inheritdoc />
    public int EncodingLength => Pool.Count + 1;

    /// <summary>Creates the space from its options.</summary>
    /// <exception cref="ComponentConfigurationException">Impossible electrons, or the qubit pool on another mapping than untapered Jordan–Wigner.</exception>
    public static ExcitationSpace Create(ExcitationSpaceOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var (orbitals, electrons) = (options.Orbitals, options.Electrons);
        var spin = options.Spin ?? electrons % 2;
        var mapping = FermionMappingNames.TryParse(options.Mapping)
            ?? throw new ComponentConfigurationException("mapping", $"Unknown mapping; use {string.Join(", ", FermionMappingNames.All)}.");
        var taper = options.Taper;
        var poolKind = options.Pool;
        ExcitationRegister register;
        try
        {
            register = ExcitationRegister.Create(orbitals, electrons, mapping, taper, spin);
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException(e.ParamName ?? "electrons", e.Message.Split(" (Parameter", 2)[0] + " Set \"electrons\" (and \"spin\") to the molecule's active electrons.", e);
        }

        if (ExcitationOperatorPool.Problem(register, poolKind) is { } problem)
        {
            throw new ComponentConfigurationException("pool", char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        }

        try
        {
            return new ExcitationSpace(ExcitationOperatorPool.Create(register, poolKind, context.Cache), options.MaxOperators, options.StatisticsSamples)
            {
                Cache = context.Cache,
            };
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException("electrons", e.Message, e);
        }
    }

    /// <summary>The candidate of the operators <paramref name="indices"/> (pool indices), with initial angles when given.</summary>
    public Candidate CandidateOf(IReadOnlyList<int> indices, IReadOnlyList<double>? angles = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var mapping = FermionMappingNames.Name(Register.Mapping.Kind);
        return new ExcitationArchitecture(Register.NumOrbitals, Register.NumElectrons, Register.NumAlpha - Register.NumBeta, mapping,
            Register.Tapering is not null, Pool.Kind, indices.Select(i => Pool.Labels[i]).ToList(), angles).ToCandidate();
    }

    /// <summary>UCCSD: every fermionic single and double in pool order (the fermionic-sd pool only).</summary>
    /// <exception cref="InvalidOperationException">The space's pool is not fermionic-sd.</exception>
    public Candidate Uccsd() => Pool.Kind == ExcitationOperatorPool.Fermionic
        ? CandidateOf(Enumerable.Range(0, Pool.Count).ToList())
        : throw new InvalidOperationException($"UCCSD is the fermionic singles and doubles; this space's pool is \"{Pool.Kind}\". Set the space's \"pool\" to \"{ExcitationOperatorPool.Fermionic}\".");

    /// <inheritdoc />
    public Candidate Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var length = rng.Next(1, MaxOperators + 1);
        // Distinct operators while the pool has enough; a repeat is a legal (if rarely useful) circuit.
        var order = Enumerable.Range(0, Pool.Count).ToArray();
        rng.Shuffle(order);
        var indices = Enumerable.Range(0, length).Select(i => i < order.Length ? order[i] : rng.Next(Pool.Count)).ToList();
        return CandidateOf(indices);
    }

    /// <inheritdoc />
    public Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var indices = Read(parent).ToList();
        var moves = new List<int>();
        if (indices.Count < MaxOperators)
        {
            moves.Add(0);
        }

        if (indices.Count > 1)
        {
            moves.Add(1);
        }

        if (indices.Count > 0 && Pool.Count > 1)
        {
            moves.Add(2);
        }

        if (moves.Count == 0)
        {
            // One operator, maxOperators 1 and a pool of one: the space has no other candidate.
            return CandidateOf(indices);
        }

        switch (moves[rng.Next(moves.Count)])
        {
            case 0:
                indices.Insert(rng.Next(indices.Count + 1), rng.Next(Pool.Count));
                break;
            case 1:
                indices.RemoveAt(rng.Next(indices.Count));
                break;
            default:
                var at = rng.Next(indices.Count);
                indices[at] = (indices[at] + 1 + rng.Next(Pool.Count - 1)) % Pool.Count;
                break;
        }

        return CandidateOf(indices);
    }

    /// <summary>
    /// The child with initial "angles": its parent's trained angles (the stored angle_&lt;i&gt; metrics) for the
    /// operators they share, matched in order (<see cref="InheritedAngles"/>), 0 for the others; the child as it is when
    /// the parent has no trained angles or they share no operator.
    /// </summary>
    public Candidate WarmStart(Candidate child, TrialOutcome parent)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(parent);
        var childOperators = Read(child);
        var parentOperators = Read(parent.Candidate);
        var trained = new double[parentOperators.Length];
        for (var i = 0; i < trained.Length; i++)
        {
            if (!parent.Metrics.TryGetValue(ExcitationEvaluation.AngleMetric(i), out trained[i]))
            {
                return child;
            }
        }

        return InheritedAngles.Of(parentOperators, trained, childOperators) is { } angles ? CandidateOf(childOperators, angles) : child;
    }

    /// <inheritdoc />
    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var a = Read(first);
        var b = Read(second);
        var cutA = rng.Next(a.Length + 1);
        var cutB = rng.Next(b.Length + 1);
        var child = a.Take(cutA).Concat(b.Skip(cutB)).Take(MaxOperators).ToList();
        if (child.Count == 0)
        {
            child.Add(a.Length > 0 ? a[0] : b.Length > 0 ? b[0] : rng.Next(Pool.Count));
        }

        return CandidateOf(child);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.ToJson() is not JObject json || !ExcitationArchitecture.IsExcitation(json))
        {
            return [$"an excitation candidate is a JSON object with \"space\": \"{ExcitationArchitecture.SpaceKey}\""];
        }

        var (architecture, problems) = ExcitationArchitecture.TryRead(json);
        if (architecture is null)
        {
            return problems;
        }

        var (pool, _, resolveProblems) = architecture.Resolve(Cache);
        problems.AddRange(resolveProblems);
        if (pool is not null && (!pool.Register.SameAs(Register) || pool.Kind != Pool.Kind))
        {
            problems.Add($"the candidate is written for {pool.Register.Description} with the {pool.Kind} pool, but this space is {Register.Description} with the {Pool.Kind} pool");
        }

        if (architecture.Operators.Count > MaxOperators)
        {
            problems.Add($"the candidate has {architecture.Operators.Count} operators but \"maxOperators\" is {MaxOperators}; raise maxOperators to at least {architecture.Operators.Count}");
        }

        return problems;
    }

    /// <inheritdoc />
    public double[] Encode(Candidate candidate)
    {
        var indices = Read(candidate);
        var vector = new double[EncodingLength];
        foreach (var i in indices)
        {
            vector[i] += 1;
        }

        vector[^1] = (double)indices.Length / MaxOperators;
        return vector;
    }

    /// <summary>
    /// <c>operators=3</c>, then one slot per possible operator, <c>op0</c> to <c>op{maxOperators-1}</c>, holding
    /// the pool label in circuit order and empty past the candidate's last operator.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate)
    {
        var indices = Read(candidate);
        var choices = new List<KeyValuePair<string, string>> { KeyValuePair.Create("operators", indices.Length.ToString(CultureInfo.InvariantCulture)) };
        for (var i = 0; i < MaxOperators; i++)
        {
            choices.Add(KeyValuePair.Create("op" + i.ToString(CultureInfo.InvariantCulture), i < indices.Length ? Pool.Labels[indices[i]] : string.Empty));
        }

        return choices;
    }

    /// <summary>A count per pool operator, named by its label, then the length as a fraction of maxOperators.</summary>
    public IReadOnlyList<string> EncodingFeatureNames => [.. Pool.Labels.Select(l => "count:" + l), "length"];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate)
    {
        var indices = Read(candidate);
        return CircuitStatistics.Compute(Cache, candidate.Hash, Pool.BuildCircuit(indices, prepareHartreeFock: true), StatisticsSamples);
    }

    /// <summary>The candidate's operators as pool indices.</summary>
    /// <exception cref="ArgumentException">Not a candidate of this space.</exception>
    public int[] Read(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var problems = Validate(candidate);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Not a candidate of this excitation space {candidate.Json}: {string.Join("; ", problems)}.", nameof(candidate));
        }

        var (architecture, _) = ExcitationArchitecture.TryRead((JObject)candidate.ToJson());
        return architecture!.Resolve(Cache).Indices;
    }
}
