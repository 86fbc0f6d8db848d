using System.Globalization;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Quantum.Chemistry.Mapping;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// Checks the excitation space against the task before any trial: its circuits are molecular, so the task must
/// be VQE on a molecule ("molecule" or an .fcidump "hamiltonianFile"); the register the space restates
/// (orbitals, electrons, spin, mapping, taper) must be the molecule's, and the task must start from the
/// Hartree–Fock state the operators excite. Each problem names the option to set and its value.
/// </summary>
public static class ExcitationSpaceCheck
{
    /// <summary>The problems; empty when the space suits the task.</summary>
    public static IReadOnlyList<string> Check(ExcitationSpace space, IVariationalTask task)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(task);
        if (task is not VqeTask vqe)
        {
            return ["the excitation space builds molecular circuits; use the vqe evaluator with a \"molecule\" (or an .fcidump \"hamiltonianFile\")"];
        }

        if (vqe.Problem.Register is not { } molecule)
        {
            return [$"the excitation space needs a molecule, but the vqe Hamiltonian is {vqe.Problem.Description}; give the evaluator a \"molecule\" or an .fcidump \"hamiltonianFile\", or use the layerwise or gatewise space"];
        }

        var mine = space.Register;
        var problems = new List<string>();
        void Compare<T>(string option, T spaceValue, T moleculeValue, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(spaceValue, moleculeValue))
            {
                var value = moleculeValue is bool b ? (b ? "true" : "false") : moleculeValue is string s ? $"\"{s}\"" : Convert.ToString(moleculeValue, CultureInfo.InvariantCulture);
                problems.Add($"searchSpace.options.{option} is {Text(spaceValue)} but the evaluator's molecule has {what} {Text(moleculeValue)} ({vqe.Problem.Description}); set \"{option}\": {value} in the search space");
            }
        }

        Compare("orbitals", mine.NumOrbitals, molecule.NumOrbitals, "active orbitals");
        Compare("electrons", mine.NumElectrons, molecule.NumElectrons, "active electrons");
        Compare("spin", mine.NumAlpha - mine.NumBeta, molecule.NumAlpha - molecule.NumBeta, "N_alpha - N_beta");
        Compare("mapping", FermionMappingNames.Name(mine.Mapping.Kind), FermionMappingNames.Name(molecule.Mapping.Kind), "mapping");
        Compare("taper", mine.Tapering is not null, molecule.Tapering is not null, "taper");
        if (problems.Count == 0 && vqe.Problem.InitialState != molecule.HartreeFockState)
        {
            problems.Add($"the excitation operators act on the Hartree-Fock state {molecule.HartreeFockState}, but the vqe task starts from {vqe.Problem.InitialState ?? "|0...0>"}; set the evaluator's \"initialState\": \"hartree-fock\" (or leave it out)");
        }

        return problems;
    }

    private static string Text<T>(T value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
