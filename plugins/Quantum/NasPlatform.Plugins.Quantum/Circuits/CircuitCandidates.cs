using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Spaces;

namespace NasPlatform.Plugins.Quantum.Circuits;

/// <summary>Rebuilds the circuit of any candidate of this plugin's spaces (by its "space" key).</summary>
public static class CircuitCandidates
{
    /// <summary>The candidate's circuit, or the problems that prevent reading it.</summary>
    public static (AnsatzCircuit? Circuit, IReadOnlyList<string> Problems) TryRead(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.ToJson() is not JObject json)
        {
            return (null, ["a circuit candidate is a JSON object with a \"space\" key (\"layerwise\" or \"gatewise\")"]);
        }

        switch (json.Value<string>("space"))
        {
            case LayerwiseArchitecture.SpaceKey:
                var (layerwise, layerProblems) = LayerwiseArchitecture.TryRead(json);
                return (layerwise?.ToAnsatz(), layerProblems);
            case GatewiseArchitecture.SpaceKey:
                var (gatewise, gateProblems) = GatewiseArchitecture.TryRead(json);
                return (gatewise?.ToAnsatz(), gateProblems);
            default:
                return (null, [$"'space' must be \"{LayerwiseArchitecture.SpaceKey}\" or \"{GatewiseArchitecture.SpaceKey}\" (got {json["space"]?.ToString() ?? "nothing"})"]);
        }
    }

    /// <summary>The candidate's circuit; throws <see cref="ArgumentException"/> with the problems when unreadable.</summary>
    public static AnsatzCircuit Read(Candidate candidate)
    {
        var (circuit, problems) = TryRead(candidate);
        return circuit ?? throw new ArgumentException($"Candidate {candidate.Hash} is not a circuit of the quantum plugin: {string.Join("; ", problems)}.", nameof(candidate));
    }
}
