using Newtonsoft.Json.Linq;
using NasPlatform.Plugins.Quantum.Circuits;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// The parts of a circuit candidate's JSON that the gate-wise and layer-wise forms share (unexpected properties,
/// the initial state, the qubit count), read one way so that both report the same problems in the same words.
/// </summary>
internal static class CircuitJson
{
    /// <summary>Adds a problem for every property of <paramref name="json"/> not in <paramref name="allowed"/>.</summary>
    public static void ReportUnexpected(JObject json, IReadOnlyCollection<string> allowed, string form, List<string> problems)
    {
        foreach (var extra in json.Properties().Where(p => !allowed.Contains(p.Name)))
        {
            problems.Add($"unexpected property '{extra.Name}'; {form}");
        }
    }

    /// <summary>The candidate's initial state (the reference state when the key is left out); a problem when it names none.</summary>
    public static string ReadInitialState(JObject json, List<string> problems)
    {
        if (json["initialState"] is not { } stateToken)
        {
            return InitialStates.Reference;
        }

        var initialState = stateToken.Type == JTokenType.String ? (string)stateToken! : stateToken.ToString();
        if (!InitialStates.All.Contains(initialState) || initialState == InitialStates.Reference)
        {
            problems.Add($"'initialState' \"{initialState}\" must be one of {string.Join(", ", InitialStates.All.Skip(1))} (leave it out for \"{InitialStates.Reference}\")");
        }

        return initialState;
    }

    /// <summary>The qubit count, or null (with a problem) when it is not an integer from 1 to 30.</summary>
    public static int? ReadQubits(JObject json, List<string> problems)
    {
        if (json["qubits"] is not { Type: JTokenType.Integer } qubitsToken || (int)qubitsToken is < 1 or > 30)
        {
            problems.Add("'qubits' must be an integer from 1 to 30");
            return null;
        }

        return (int)qubitsToken;
    }
}
