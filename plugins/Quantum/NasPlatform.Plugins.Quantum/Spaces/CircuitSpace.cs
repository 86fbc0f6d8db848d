using NasPlatform.Abstractions.Plugins;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Statistics;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// What the circuit spaces share: the coupling map every two-qubit gate must respect, candidate validation (the
/// JSON's "space" key, the register size, then the space's own rules and the coupling map), reading a candidate
/// back, and the sampled free statistics (expressibility, entangling capability). A space adds how it samples,
/// varies and encodes its architectures.
/// </summary>
/// <typeparam name="TArchitecture">The architecture its candidates' JSON describes.</typeparam>
public abstract class CircuitSpace<TArchitecture> : ICircuitSpace
    where TArchitecture : class, ICircuitArchitecture
{
    private readonly string _spaceKey;
    private readonly string _kind;

    /// <param name="coupling">The device's coupling map.</param>
    /// <param name="statisticsSamples">Random states per candidate for the sampled statistics.</param>
    /// <param name="spaceKey">The value of the candidates' "space" key.</param>
    /// <param name="kind">The space in words ("layer-wise"), for messages.</param>
    protected CircuitSpace(CouplingMap coupling, int statisticsSamples, string spaceKey, string kind)
    {
        ArgumentNullException.ThrowIfNull(coupling);
        ArgumentOutOfRangeException.ThrowIfLessThan(statisticsSamples, 2);
        Coupling = coupling;
        StatisticsSamples = statisticsSamples;
        _spaceKey = spaceKey;
        _kind = kind;
    }

    /// <inheritdoc />
    public CouplingMap Coupling { get; }

    /// <inheritdoc />
    public string Kind => _kind;

    /// <inheritdoc />
    public abstract IReadOnlyCollection<QubitPair> EntanglerPairs { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> InitialStateChoices { get; }

    /// <inheritdoc />
    public bool CouplingDefaulted { get; init; }

    /// <inheritdoc />
    public bool OrderDefaulted { get; init; }

    /// <summary>Random states per candidate for the sampled statistics.</summary>
    public int StatisticsSamples { get; }

    /// <summary>Where the candidates' statistics are kept: the plugin's cache when the host made the space.</summary>
    public IComponentCache Cache { get; init; } = UncachedComponentCache.Instance;

    /// <inheritdoc />
    public abstract int EncodingLength { get; }

    /// <summary>Register size.</summary>
    protected int Qubits => Coupling.NumQubits;

    /// <inheritdoc />
    public abstract Candidate Sample(Random rng);

    /// <inheritdoc />
    public abstract Candidate Mutate(Candidate parent, Random rng);

    /// <inheritdoc />
    public abstract Candidate Crossover(Candidate first, Candidate second, Random rng);

    /// <inheritdoc />
    public abstract double[] Encode(Candidate candidate);

    /// <inheritdoc />
    public abstract IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate);

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.ToJson() is not JObject json || json.Value<string>("space") != _spaceKey)
        {
            return [$"a {_kind} candidate is a JSON object with \"space\": \"{_spaceKey}\""];
        }

        var (architecture, problems) = TryRead(json);
        if (architecture is null)
        {
            return problems;
        }

        if (architecture.Qubits != Qubits)
        {
            problems.Add($"the candidate has {architecture.Qubits} qubits but this space has {Qubits}");
            return problems;
        }

        CheckChoices(architecture, problems);
        problems.AddRange(architecture.ToAnsatz().CheckAgainst(Coupling).Distinct());
        return problems;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) =>
        CircuitStatistics.Compute(Cache, candidate.Hash, Read(candidate).ToAnsatz(), StatisticsSamples);

    /// <summary>Reads the architecture from candidate JSON whose "space" key is this space's, or lists what is wrong.</summary>
    protected abstract (TArchitecture? Architecture, List<string> Problems) TryRead(JObject json);

    /// <summary>Adds to <paramref name="problems"/> what the architecture (of the right register size) uses that this space does not offer.</summary>
    protected abstract void CheckChoices(TArchitecture architecture, List<string> problems);

    /// <summary>The candidate's architecture.</summary>
    /// <exception cref="ArgumentException">The candidate is not one of this space's.</exception>
    protected TArchitecture Read(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var problems = Validate(candidate);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Not a candidate of this {_kind} space {candidate.Json}: {string.Join("; ", problems)}.", nameof(candidate));
        }

        return TryRead((JObject)candidate.ToJson()).Architecture!;
    }
}
