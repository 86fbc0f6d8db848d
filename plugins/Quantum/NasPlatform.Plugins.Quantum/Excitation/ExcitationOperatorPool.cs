using NasPlatform.Abstractions.Plugins;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// The operators an excitation circuit is built from, each a Hermitian generator G applied as exp(iθG) with
/// an angle of its own:
/// <list type="bullet">
/// <item><see cref="Fermionic"/>: the spin-preserving singles and doubles from the Hartree–Fock state
/// (UCCSD's and fermionic ADAPT-VQE's pool, Grimsley et al. 2019), G = (T − T†)/i in the register's mapping,
/// tapered like the Hamiltonian when tapering is on. Labelled "0->2" (single) or "0,5->2,7" (double).</item>
/// <item><see cref="Qubit"/>: qubit-ADAPT's pool (Tang et al. 2021): every Pauli string of the fermionic
/// generators under Jordan–Wigner with the Z strings removed, each its own operator exp(iθP). Labelled by
/// the string, "X0 Y2". Defined on untapered Jordan–Wigner qubits only.</item>
/// <item><see cref="Qeb"/>: QEB-ADAPT's pool (Yordanov et al. 2021): the same singles and doubles as whole qubit
/// excitations, the fermionic generators without their Z strings, each one operator. They keep N_alpha and N_beta
/// exactly, and each has its short exact circuit (<see cref="QubitExcitationCircuits"/>: 2 CNOTs a single,
/// 13 a double). Labelled like the fermionic pool. Untapered Jordan–Wigner qubits only.</item>
/// </list>
/// The fermionic operators keep N_alpha and N_beta exactly. A single Pauli string of the qubit pool flips two
/// (or four) modes, an even number of each spin, so it keeps the parities of N_alpha and N_beta but not the
/// counts (X_i Y_a maps |1_i 1_a⟩ to |0_i 0_a⟩): as in Tang et al., the qubit-ADAPT circuit may leave the
/// sector, which the evaluator reports as sector_leakage. The terms of one generator commute, so the circuit
/// (<see cref="BuildCircuit"/>: one CNOT ladder per Pauli string, <see cref="PauliRotations"/>) is exact.
/// </summary>
public sealed class ExcitationOperatorPool
{
    /// <summary>Fermionic singles and doubles.</summary>
    public const string Fermionic = "fermionic-sd";

    /// <summary>Qubit-ADAPT's Pauli strings.</summary>
    public const string Qubit = "qubit";

    /// <summary>QEB-ADAPT's whole qubit excitations.</summary>
    public const string Qeb = "qeb";

    /// <summary>Every pool kind.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Fermionic, Qubit, Qeb];

    private readonly Dictionary<string, int> _index;

    private readonly Lazy<int[]> _cnotCounts;

    // The excitation of each operator, for the pools compiled by QubitExcitationCircuits; null for the others.
    private readonly IReadOnlyList<NasPlatform.Quantum.Chemistry.Ansatz.Excitation>? _qubitExcitations;

    private ExcitationOperatorPool(string kind, ExcitationRegister register, IReadOnlyList<string> labels, IReadOnlyList<PauliSum> generators,
        IReadOnlyList<NasPlatform.Quantum.Chemistry.Ansatz.Excitation>? qubitExcitations = null)
    {
        _qubitExcitations = qubitExcitations;
        Kind = kind;
        Register = register;
        Labels = labels;
        Generators = generators;
        _index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        _cnotCounts = new Lazy<int[]>(() => Enumerable.Range(0, Count)
            .Select(k => BuildCircuit([k], prepareHartreeFock: false).Ops.Count(op => op.Kind == GateKind.CNOT)).ToArray());
    }

    /// <summary><see cref="Fermionic"/>, <see cref="Qubit"/> or <see cref="Qeb"/>.</summary>
    public string Kind { get; }

    /// <summary>The molecule's register.</summary>
    public ExcitationRegister Register { get; }

    /// <summary>Operator labels, in pool order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The generator G of each operator (exp(iθG)).</summary>
    public IReadOnlyList<PauliSum> Generators { get; }

    /// <summary>Operators in the pool.</summary>
    public int Count => Labels.Count;

    /// <summary>Why <paramref name="kind"/> cannot be built on <paramref name="register"/>, or null when it can.</summary>
    public static string? Problem(ExcitationRegister register, string kind)
    {
        ArgumentNullException.ThrowIfNull(register);
        if (!Kinds.Contains(kind))
        {
            return $"unknown pool \"{kind}\"; use {string.Join(" or ", Kinds)}";
        }

        return kind != Fermionic && (register.Mapping.Kind != FermionMappingKind.JordanWigner || register.Tapering is not null)
            ? $"the {kind} pool ({(kind == Qubit ? "qubit-ADAPT" : "QEB-ADAPT")}) is defined on untapered Jordan-Wigner qubits; use \"mapping\": \"jordan-wigner\" without \"taper\", or \"pool\": \"fermionic-sd\""
            : null;
    }

    /// <summary>The pool of <paramref name="kind"/> on <paramref name="register"/>, kept in <paramref name="cache"/> (the plugin's, host-owned) per register and kind.</summary>
    /// <exception cref="ArgumentException">See <see cref="Problem"/>.</exception>
    public static ExcitationOperatorPool Create(ExcitationRegister register, string kind, IComponentCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (Problem(register, kind) is { } problem)
        {
            throw new ArgumentException(problem + ".", nameof(kind));
        }

        return cache.GetOrAdd($"excitation-pool|{kind}|{register.Description}", () => kind switch
        {
            Fermionic => BuildFermionic(register),
            Qeb => BuildQeb(register),
            _ => BuildQubit(register),
        });
    }

    /// <summary>The CNOTs of operator <paramref name="operatorIndex"/>'s exact circuit (its share of a candidate's cnot_count).</summary>
    public int CnotCount(int operatorIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operatorIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(operatorIndex, Count);
        return _cnotCounts.Value[operatorIndex];
    }

    /// <summary>The index of the operator labelled <paramref name="label"/>, or −1.</summary>
    public int IndexOf(string label) => _index.TryGetValue(label, out var i) ? i : -1;

    /// <summary>
    /// The circuit of the operators <paramref name="operators"/> (pool indices) in order, operator k with
    /// parameter k, optionally after the X gates preparing the Hartree–Fock state from |0…0⟩.
    /// </summary>
    public Circuit BuildCircuit(IReadOnlyList<int> operators, bool prepareHartreeFock)
    {
        ArgumentNullException.ThrowIfNull(operators);
        var circuit = new Circuit(Register.NumQubits);
        if (prepareHartreeFock)
        {
            for (var q = 0; q < Register.NumQubits; q++)
            {
                if (Register.HartreeFockState[q] == '1')
                {
                    circuit.X(q);
                }
            }
        }

        for (var k = 0; k < operators.Count; k++)
        {
            var op = operators[k];
            _ = _qubitExcitations is null
                ? PauliRotations.AppendExponential(circuit, Generators[op], k)
                : QubitExcitationCircuits.Append(circuit, _qubitExcitations[op], Generators[op], k);
        }

        return circuit;
    }

    private static ExcitationOperatorPool BuildFermionic(ExcitationRegister register)
    {
        var excitations = register.Excitations;
        return new ExcitationOperatorPool(Fermionic, register,
            excitations.Select(e => e.ToString()).ToList(),
            excitations.Select(e => register.Generator(e)).ToList());
    }

    private static ExcitationOperatorPool BuildQeb(ExcitationRegister register)
    {
        var excitations = register.Excitations;
        return new ExcitationOperatorPool(Qeb, register,
            excitations.Select(e => e.ToString()).ToList(),
            excitations.Select(e => register.Generator(e, qubitExcitation: true)).ToList(),
            excitations);
    }

    private static ExcitationOperatorPool BuildQubit(ExcitationRegister register)
    {
        var labels = new List<string>();
        var generators = new List<PauliSum>();
        var seen = new HashSet<PauliString>();
        foreach (var excitation in register.Excitations)
        {
            foreach (var term in register.Generator(excitation, qubitExcitation: true).Terms)
            {
                // The sign and size of the coefficient only rescale the angle: each string is one operator.
                if (term.Coefficient != 0 && !term.Pauli.IsIdentity && seen.Add(term.Pauli))
                {
                    labels.Add(term.Pauli.ToString());
                    generators.Add(new PauliSum([new PauliTerm(1.0, term.Pauli)], register.NumQubits));
                }
            }
        }

        return new ExcitationOperatorPool(Qubit, register, labels, generators);
    }
}
