namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// An imported OpenQASM program with its classical operations kept: gates, measurements (also mid-circuit),
/// resets and 'if (creg == n)', in file order. Two ways to use it:
/// <list type="bullet">
/// <item>as a unitary circuit (<see cref="ToCircuit"/>) for callers that need a pure state (the search, the
/// exporters, VQE). This holds where a circuit means the same as the file: terminal measurements, resets
/// of untouched qubits, conditions on registers no measurement wrote. Anything else is refused with a
/// located <see cref="QasmException"/>.</item>
/// <item>executed with its real semantics on the state vector (<see cref="Probabilities(int)"/>, <see cref="Sample(int, Random)"/>):
/// a measurement draws its outcome and collapses the state, reset is a measurement followed by X on 1,
/// 'if' tests the register. Shots that take the same outcomes share one simulation of the common part.</item>
/// </list>
/// Outcomes are written over the classical registers in declaration order, separated by spaces, each
/// register bit 0 first (Qiskit prints the reverse); a program that measures nothing is read out on every
/// qubit, qubit 0 first.
/// </summary>
public sealed class QasmProgram
{
    internal QasmProgram(string source, int version, IReadOnlyList<QasmRegister> quantum, IReadOnlyList<QasmRegister> classical,
        IReadOnlyList<QasmStep> steps, int measureStatements)
    {
        Source = source;
        Version = version;
        QuantumRegisters = quantum;
        ClassicalRegisters = classical;
        Steps = steps;
        NumQubits = quantum.Sum(r => r.Size);
        MeasurementCount = measureStatements;
        GateCount = steps.Count(s => s is QasmGateStep);
        MeasuresSomething = steps.Any(s => s is QasmMeasureStep { Register: >= 0 });
    }

    /// <summary>The file (or source name) the text came from.</summary>
    public string Source { get; }

    /// <summary>The OpenQASM major version the header declared: 2 or 3.</summary>
    public int Version { get; }

    public int NumQubits { get; }

    public IReadOnlyList<QasmRegister> QuantumRegisters { get; }

    public IReadOnlyList<QasmRegister> ClassicalRegisters { get; }

    /// <summary>Gates after expanding defined gates.</summary>
    public int GateCount { get; }

    /// <summary>measure statements in the file (a broadcast 'measure q -> c;' counts once).</summary>
    public int MeasurementCount { get; }

    /// <summary>Whether outcomes are classical registers (true) or the qubits themselves (nothing is measured).</summary>
    public bool MeasuresSomething { get; }

    internal IReadOnlyList<QasmStep> Steps { get; }

    /// <summary>The gates as a unitary circuit with constant angles; a located <see cref="QasmException"/> where the file needs its classical operations.</summary>
    public Circuit ToCircuit() => ToImportResult(parameterize: false).Circuit;

    /// <summary>As <see cref="ToCircuit"/>, and with <paramref name="parameterize"/> every rotation angle a fresh parameter whose value comes back in <c>Parameters</c>.</summary>
    public QasmImportResult ToImportResult(bool parameterize)
    {
        var ops = QasmUnitaryCheck.Gates(this);
        var parameters = new List<double>();
        var circuit = new Circuit(NumQubits);
        foreach (var op in ops)
        {
            var bound = op;
            for (var slot = 0; parameterize && slot < op.AngleCount; slot++)
            {
                bound = bound.WithAngle(slot, Angle.Parameter(parameters.Count));
                parameters.Add(op.GetAngle(slot).Offset);
            }

            circuit.Add(bound);
        }

        return new QasmImportResult(circuit, [.. parameters], MeasurementCount);
    }

    /// <summary>
    /// The exact probability of every outcome (those above 1e-14; below is rounding), by following every branch of every
    /// mid-circuit measurement or reset with its probability; more than <paramref name="maxBranches"/>
    /// branches is an <see cref="InvalidOperationException"/> (sample instead).
    /// </summary>
    public IReadOnlyDictionary<string, double> Probabilities(int maxBranches = 1 << 16) =>
        new QasmProgramRunner(this, rng: null, maxBranches).Exact();

    /// <summary>
    /// The exact outcome probabilities with the gates run in <paramref name="precision"/>. Single precision
    /// runs unitary programs only (measurements at the end; see <see cref="ToCircuit"/>, whose located
    /// <see cref="QasmException"/> it throws otherwise): the fused plan on a complex64 state, probabilities summed in double.
    /// </summary>
    public IReadOnlyDictionary<string, double> Probabilities(Precision precision) =>
        new QasmProgramRunner(this, rng: null, 1 << 16, precision: precision).Exact();

    /// <summary>Counts of <paramref name="shots"/> runs of the program, every outcome drawn from <paramref name="rng"/>.</summary>
    public IReadOnlyDictionary<string, long> Sample(int shots, Random rng) => Sample(shots, rng, Precision.Double);

    /// <summary>As <see cref="Sample(int, Random)"/>, with the gates run in <paramref name="precision"/> (single: unitary programs only, as <see cref="Probabilities(Precision)"/>).</summary>
    public IReadOnlyDictionary<string, long> Sample(int shots, Random rng, Precision precision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        ArgumentNullException.ThrowIfNull(rng);
        return new QasmProgramRunner(this, rng, int.MaxValue, precision: precision).Sampled(shots);
    }

    /// <summary>What an outcome string lists, for printing beside the results.</summary>
    public string OutcomeOrder => MeasuresSomething
        ? $"classical bits {string.Join(" ", ClassicalRegisters.Select(r => r.Size == 1 ? r.Name : $"{r.Name}[0..{r.Size - 1}]"))}, bit 0 first"
        : "qubit 0 first";

    internal string QubitName(int qubit)
    {
        foreach (var register in QuantumRegisters)
        {
            if (qubit >= register.Offset && qubit < register.Offset + register.Size)
            {
                return $"{register.Name}[{qubit - register.Offset}]";
            }
        }

        return $"qubit {qubit}";
    }
}
