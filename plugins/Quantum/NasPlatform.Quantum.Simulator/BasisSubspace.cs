namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// The span of a set of computational basis states (indices as in <see cref="StateVector"/>: qubit q is
/// bit n−1−q). An operator that never maps these states outside their span (a Hamiltonian that conserves
/// a particle number, with the states of one number) has eigenvectors inside it, and
/// <see cref="Lanczos.GroundState"/> restricted to it finds the lowest one of the span, not a lower state
/// outside.
/// </summary>
public sealed class BasisSubspace
{
    private readonly int[] _indices;
    private readonly bool[] _member;

    /// <param name="numQubits">Register size.</param>
    /// <param name="indices">The basis states (duplicates are merged); at least one.</param>
    /// <param name="name">What the span is, for messages (for example "N=4, Sz=0").</param>
    public BasisSubspace(int numQubits, IEnumerable<int> indices, string name)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(numQubits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numQubits, StateVector.MaxQubits);
        NumQubits = numQubits;
        Name = name;
        _member = new bool[1 << numQubits];
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)_member.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"Basis state {index} is outside the {numQubits}-qubit register.");
            }

            _member[index] = true;
        }

        _indices = Enumerable.Range(0, _member.Length).Where(i => _member[i]).ToArray();
        if (_indices.Length == 0)
        {
            throw new ArgumentException($"The subspace {name} holds no basis state.", nameof(indices));
        }
    }

    /// <summary>Register size.</summary>
    public int NumQubits { get; }

    /// <summary>What the span is, for messages.</summary>
    public string Name { get; }

    /// <summary>Number of basis states spanning it.</summary>
    public int Dimension => _indices.Length;

    /// <summary>The basis states, ascending.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>Whether basis state <paramref name="index"/> is in the span.</summary>
    public bool Contains(int index) => (uint)index < (uint)_member.Length && _member[index];

    /// <summary>Zeroes the amplitudes outside the span (the orthogonal projection, in place).</summary>
    public void Project(StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        RequireRegister(state);
        for (var i = 0; i < state.Length; i++)
        {
            if (!_member[i])
            {
                state.Re[i] = 0;
                state.Im[i] = 0;
            }
        }
    }

    /// <summary>Weight of <paramref name="state"/> outside the span, Σ |ψ_i|² over the other basis states.</summary>
    public double WeightOutside(StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        RequireRegister(state);
        var weight = 0.0;
        for (var i = 0; i < state.Length; i++)
        {
            if (!_member[i])
            {
                weight += state.Probability(i);
            }
        }

        return weight;
    }

    internal void RequireRegister(StateVector state)
    {
        if (state.NumQubits != NumQubits)
        {
            throw new ArgumentException($"The subspace {Name} is on {NumQubits} qubits but the state has {state.NumQubits}.", nameof(state));
        }
    }
}
