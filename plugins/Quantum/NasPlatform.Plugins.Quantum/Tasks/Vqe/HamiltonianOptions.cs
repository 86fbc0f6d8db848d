using System.Globalization;
using System.Text.Json;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>
/// Reads the VQE options (<see cref="VqeEvaluatorOptions"/>): "hamiltonian" as a Pauli sum ("0.5 Z0 Z1 + 0.3 X2", or dense "0.5 ZZI") or a
/// built-in model ({"model":"tfim","qubits":8,"j":1,"h":1,"periodic":false}, {"model":"heisenberg",…},
/// {"model":"h2"}, {"model":"h2-parity"}); or "hamiltonianFile", a text file holding a Pauli sum or an
/// FCIDUMP (.fcidump, relative to the experiment file); or "molecule", run through psi4
/// (<see cref="MolecularHamiltonianOptions"/>); "qubits" to widen the register; "initialState" a basis
/// string or "hartree-fock".
/// </summary>
public static class HamiltonianOptions
{
    /// <summary>JSON Schema of the "hamiltonian" option: a Pauli sum or one of the built-in models (<see cref="HamiltonianModelOptions"/>, whose initialisers are the defaults).</summary>
    public const string Schema = """
        {
          "description": "A Pauli sum such as \"-1.0 Z0 Z1 - 0.5 X0\" (qubit 0 leftmost in dense strings), or a built-in model.",
          "oneOf": [
            { "type": "string", "minLength": 1 },
            {
              "type": "object", "additionalProperties": false, "required": ["model", "qubits"],
              "properties": {
                "model": { "enum": ["tfim"], "description": "H = -J sum Z_i Z_{i+1} - h sum X_i." },
                "qubits": { "type": "integer", "minimum": 2, "maximum": 24 },
                "j": { "type": "number" }, "h": { "type": "number" },
                "periodic": { "type": "boolean" }
              }
            },
            {
              "type": "object", "additionalProperties": false, "required": ["model", "qubits"],
              "properties": {
                "model": { "enum": ["heisenberg"], "description": "H = sum (Jx X_i X_{i+1} + Jy Y_i Y_{i+1} + Jz Z_i Z_{i+1}) (Pauli units)." },
                "qubits": { "type": "integer", "minimum": 2, "maximum": 24 },
                "jx": { "type": "number" }, "jy": { "type": "number" }, "jz": { "type": "number" },
                "periodic": { "type": "boolean" }
              }
            },
            {
              "type": "object", "additionalProperties": false, "required": ["model"],
              "properties": { "model": { "enum": ["h2", "h2-parity"], "description": "H2 in STO-3G at 0.735 A: 4-qubit Jordan-Wigner (HF state 1100) or the 2-qubit parity form (HF state 10); total energies, nuclear repulsion included." } }
            }
          ]
        }
        """;

    /// <summary>Largest register a VQE trial simulates (a state vector of 2^24 amplitudes is 256 MB).</summary>
    public const int MaxQubits = 24;

    /// <summary>Reads the problem from validated options.</summary>
    /// <exception cref="ComponentConfigurationException">Neither or both of hamiltonian and hamiltonianFile, an unreadable sum, a bad register size or initial state.</exception>
    public static VqeProblem Parse(VqeEvaluatorOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var inline = options.Hamiltonian;
        var file = options.HamiltonianFile;
        var molecule = options.Molecule;
        var given = new[] { ("hamiltonian", inline is not null), ("hamiltonianFile", file is not null), ("molecule", molecule is not null) }.Where(g => g.Item2).Select(g => g.Item1).ToList();
        if (given.Count != 1)
        {
            throw new ComponentConfigurationException(given.Count == 0 ? "hamiltonian" : given[1],
                "Give exactly one of \"hamiltonian\" (a Pauli sum or a built-in model such as {\"model\": \"tfim\", \"qubits\": 8}), \"hamiltonianFile\" (a Pauli sum or an .fcidump) and \"molecule\".");
        }

        if (inline is { ValueKind: not (JsonValueKind.String or JsonValueKind.Object) })
        {
            // The evaluator's schema says so too; the generic evaluator's lists "hamiltonian" by name only.
            throw new ComponentConfigurationException("hamiltonian", "\"hamiltonian\" is a Pauli sum (a string such as \"-1.0 Z0 Z1 - 0.5 X0\") or a built-in model such as {\"model\": \"tfim\", \"qubits\": 8}.");
        }

        var source = Source(options, context);
        var hamiltonian = source.Hamiltonian;
        var qubits = options.Qubits ?? hamiltonian.NumQubits;
        if (qubits < hamiltonian.NumQubits)
        {
            throw new ComponentConfigurationException("qubits", $"\"qubits\" is {qubits} but the Hamiltonian acts on qubit {hamiltonian.NumQubits - 1}; raise qubits to at least {hamiltonian.NumQubits} or leave it out.");
        }

        if (source.Sector is not null && qubits != source.Sector.NumQubits)
        {
            throw new ComponentConfigurationException("qubits", $"\"qubits\" is {qubits} but the molecule's Hamiltonian ({source.Description}) has {source.Sector.NumQubits}; leave \"qubits\" out.");
        }

        if (qubits > MaxQubits)
        {
            throw new ComponentConfigurationException(given[0], $"The Hamiltonian acts on {qubits} qubits; VQE here simulates at most {MaxQubits}.");
        }

        var initialState = options.InitialState;
        if (initialState is not null && initialState != "hartree-fock" && initialState.Any(c => c is not ('0' or '1')))
        {
            throw new ComponentConfigurationException("initialState", $"\"initialState\" \"{initialState}\" is neither a basis string of 0s and 1s (qubit 0 first) nor \"hartree-fock\".");
        }

        if (initialState == "hartree-fock")
        {
            initialState = source.HartreeFockState ?? throw new ComponentConfigurationException("initialState",
                $"\"initialState\": \"hartree-fock\" needs a Hamiltonian with a Hartree-Fock state (\"molecule\", an .fcidump hamiltonianFile, or the h2 models); {source.Description} has none. Give a basis string such as \"{new string('0', qubits)}\".");
        }

        initialState ??= source.HartreeFockState is { } hf && hf.Length == qubits ? hf : null;
        if (initialState is not null && initialState.Length != qubits)
        {
            throw new ComponentConfigurationException("initialState", $"\"initialState\" \"{initialState}\" has {initialState.Length} bits but the register has {qubits} qubits; give one bit per qubit, qubit 0 first.");
        }

        return new VqeProblem(hamiltonian, qubits, initialState, source.Description, source.Sector, source.HartreeFockState, source.ReferenceMetrics, source.Provenance)
        {
            Register = source.Register,
        };
    }

    private static HamiltonianSource Source(VqeEvaluatorOptions options, ComponentContext context)
    {
        var file = options.HamiltonianFile;
        if (options.Molecule is { } molecule)
        {
            return MolecularHamiltonianOptions.FromMolecule(molecule, options);
        }

        if (file is not null && MolecularHamiltonianOptions.IsFcidump(file))
        {
            var path = context.ResolvePath(file);
            if (!File.Exists(path))
            {
                throw new ComponentConfigurationException("hamiltonianFile", $"The FCIDUMP file {path} does not exist; give a path relative to the experiment file.");
            }

            return MolecularHamiltonianOptions.FromFcidump(path, options);
        }

        MolecularHamiltonianOptions.RejectWithoutMolecule(options);
        var (hamiltonian, description, defaultState) = file is not null
            ? FromFile(context.ResolvePath(file))
            : options.Hamiltonian is { ValueKind: JsonValueKind.Object } model ? FromModel(BindModel(model))
            : FromText(options.Hamiltonian!.Value.GetString()!, "hamiltonian", "the \"hamiltonian\" option");
        return new HamiltonianSource(hamiltonian, description, defaultState);
    }

    private static HamiltonianModelOptions BindModel(JsonElement model)
    {
        try
        {
            return ComponentOptions.Bind<HamiltonianModelOptions>(model.GetRawText());
        }
        catch (NasConfigurationException e)
        {
            throw new ComponentConfigurationException("hamiltonian", e.Message + " Write a model as {\"model\": \"tfim\", \"qubits\": 8}.", e);
        }
    }

    private static (PauliSum, string, string?) FromModel(HamiltonianModelOptions model)
    {
        var name = model.Model;
        var qubits = model.Qubits;
        var periodic = model.Periodic;
        var boundary = periodic ? "periodic" : "open";
        switch (name)
        {
            case "tfim":
                var (j, h) = (model.J, model.H);
                return (Hamiltonians.TransverseFieldIsing(qubits, j, h, periodic), Invariant($"tfim n={qubits} J={j} h={h} {boundary}"), null);
            case "heisenberg":
                var (jx, jy, jz) = (model.Jx, model.Jy, model.Jz);
                return (Hamiltonians.HeisenbergXxz(qubits, jx, jy, jz, periodic), Invariant($"heisenberg n={qubits} Jx={jx} Jy={jy} Jz={jz} {boundary}"), null);
            case "h2":
                return (Hamiltonians.H2Sto3G(), "h2 sto-3g 4-qubit jordan-wigner", Hamiltonians.H2HartreeFockState);
            case "h2-parity":
                // The parity form is electronic; adding the nuclear repulsion makes its energies total energies, like the 4-qubit form's.
                var parity = Hamiltonians.H2Sto3GParity() + PauliSum.Parse(Invariant($"{Hamiltonians.H2NuclearRepulsion:R}"), 2);
                return (parity, "h2 sto-3g 2-qubit parity", "10");
            default:
                throw new ComponentConfigurationException("hamiltonian.model", $"Unknown model \"{name}\"; use tfim, heisenberg, h2 or h2-parity.");
        }
    }

    private static (PauliSum, string, string?) FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ComponentConfigurationException("hamiltonianFile", $"The Hamiltonian file {path} does not exist; give a path relative to the experiment file.");
        }

        return FromText(File.ReadAllText(path), "hamiltonianFile", path);
    }

    private static (PauliSum, string, string?) FromText(string text, string optionPath, string source)
    {
        try
        {
            var sum = PauliSum.Parse(text, 0, source);
            if (sum.Terms.Count == 0)
            {
                throw new ComponentConfigurationException(optionPath, $"{source} has no terms; write a Pauli sum such as \"-1.0 Z0 Z1 - 0.5 X0\".");
            }

            return (sum, $"pauli sum ({sum.Terms.Count} terms)", null);
        }
        catch (FormatException e)
        {
            throw new ComponentConfigurationException(optionPath, e.Message, e);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
