using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Mapping;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// A candidate of the excitation space: the molecule's register (orbitals, electrons, spin, mapping, taper),
/// the pool, and the ordered operators (pool labels) applied to the Hartree–Fock state, each with an angle of
/// its own; optionally "angles", the initial angles training starts from (ADAPT-VQE's warm start).
/// <code>{"space":"excitation","orbitals":2,"electrons":2,"spin":0,"mapping":"jordan-wigner","taper":false,
///  "pool":"fermionic-sd","operators":["0,2->1,3"]}</code>
/// </summary>
/// <param name="Orbitals">Active spatial orbitals.</param>
/// <param name="Electrons">Active electrons.</param>
/// <param name="Spin">N_alpha − N_beta.</param>
/// <param name="Mapping">Fermion-to-qubit mapping name.</param>
/// <param name="Taper">Whether the parities are tapered.</param>
/// <param name="Pool">The pool kind.</param>
/// <param name="Operators">Pool labels in circuit order.</param>
/// <param name="Angles">Initial angles (one per operator), or null for the evaluator's random start.</param>
public sealed record ExcitationArchitecture(
    int Orbitals, int Electrons, int Spin, string Mapping, bool Taper, string Pool,
    IReadOnlyList<string> Operators, IReadOnlyList<double>? Angles = null)
{
    /// <summary>The value of the candidates' "space" key.</summary>
    public const string SpaceKey = "excitation";

    /// <summary>The register the architecture is written for.</summary>
    /// <exception cref="ArgumentException">Electrons or spin impossible for the orbitals, or an unknown mapping.</exception>
    public ExcitationRegister Register() => ExcitationRegister.Create(Orbitals, Electrons,
        FermionMappingNames.TryParse(Mapping) ?? throw new ArgumentException($"unknown mapping \"{Mapping}\"; use {string.Join(", ", FermionMappingNames.All)}"),
        Taper, Spin);

    /// <summary>The pool (from <paramref name="cache"/>, the plugin's), and the operators as pool indices; or the problems.</summary>
    public (ExcitationOperatorPool? Pool, int[] Indices, List<string> Problems) Resolve(IComponentCache cache)
    {
        var problems = new List<string>();
        ExcitationOperatorPool pool;
        try
        {
            var register = Register();
            if (ExcitationOperatorPool.Problem(register, Pool) is { } poolProblem)
            {
                return (null, [], [poolProblem]);
            }

            pool = ExcitationOperatorPool.Create(register, Pool, cache);
        }
        catch (ArgumentException e)
        {
            return (null, [], [e.Message.Split(" (Parameter", 2)[0]]);
        }

        var indices = Operators.Select(pool.IndexOf).ToArray();
        for (var i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0)
            {
                problems.Add($"operator {i} \"{Operators[i]}\" is not in the {Pool} pool of {pool.Register.Description}; use labels such as \"{pool.Labels[0]}\"{(pool.Count > 1 ? $" or \"{pool.Labels[^1]}\"" : string.Empty)}");
            }
        }

        if (Angles is not null && Angles.Count != Operators.Count)
        {
            problems.Add($"\"angles\" has {Angles.Count} values for {Operators.Count} operators; give one per operator or leave it out");
        }

        return (pool, indices, problems);
    }

    /// <summary>The candidate.</summary>
    public Candidate ToCandidate()
    {
        var json = new JObject
        {
            ["space"] = SpaceKey,
            ["orbitals"] = Orbitals,
            ["electrons"] = Electrons,
            ["spin"] = Spin,
            ["mapping"] = Mapping,
            ["taper"] = Taper,
            ["pool"] = Pool,
            ["operators"] = new JArray(Operators),
        };
        if (Angles is not null)
        {
            json["angles"] = new JArray(Angles.Select(a => (object)a));
        }

        return Candidate.From(json);
    }

    /// <summary>True when the JSON says it is an excitation candidate.</summary>
    public static bool IsExcitation(JToken json) => json is JObject o && o.Value<string>("space") == SpaceKey;

    /// <summary>Reads the architecture, or lists what is wrong with the JSON.</summary>
    public static (ExcitationArchitecture? Architecture, List<string> Problems) TryRead(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        int Int(string name)
        {
            if (json[name] is JValue { Type: JTokenType.Integer } value)
            {
                return value.Value<int>();
            }

            problems.Add($"\"{name}\" must be an integer");
            return 0;
        }

        var orbitals = Int("orbitals");
        var electrons = Int("electrons");
        var spin = Int("spin");
        var mapping = json.Value<string>("mapping");
        var pool = json.Value<string>("pool");
        if (mapping is null || FermionMappingNames.TryParse(mapping) is null)
        {
            problems.Add($"\"mapping\" must be one of {string.Join(", ", FermionMappingNames.All)}");
        }

        if (pool is null || !ExcitationOperatorPool.Kinds.Contains(pool))
        {
            problems.Add($"\"pool\" must be one of {string.Join(", ", ExcitationOperatorPool.Kinds)}");
        }

        if (json["taper"] is not JValue { Type: JTokenType.Boolean })
        {
            problems.Add("\"taper\" must be true or false");
        }

        if (json["operators"] is not JArray operators || operators.Any(o => o.Type != JTokenType.String))
        {
            problems.Add("\"operators\" must be an array of operator labels such as \"0->2\" or \"X0 Y2\"");
            return (null, problems);
        }

        List<double>? angles = null;
        if (json["angles"] is { } anglesToken)
        {
            if (anglesToken is not JArray array || array.Any(a => a.Type is not (JTokenType.Float or JTokenType.Integer)))
            {
                problems.Add("\"angles\" must be an array of numbers (one initial angle per operator)");
            }
            else
            {
                angles = array.Select(a => a.Value<double>()).ToList();
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ExcitationArchitecture(orbitals, electrons, spin, mapping!, json.Value<bool>("taper"), pool!, operators.Select(o => o.Value<string>()!).ToList(), angles), problems);
    }
}
