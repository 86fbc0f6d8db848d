using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Plugins.Quantum.Spaces;

public sealed partial class LayerwiseSpace
{
    /// <summary>
    /// The counterpart of a layer-wise candidate of another register size (or coupling, or choice lists): layer by
    /// layer the same entangler, sharing and bonds, and qubit q's rotation is that of source qubit q mod n, the
    /// periodic extension that keeps a translation-invariant circuit on a ring translation-invariant (a shared
    /// layer stays shared: one rotation on every qubit). The same initial state. A source with fewer layers is
    /// padded with empty layers (rotation and entangler "none", where this space offers them). Null where the
    /// source has more layers, or uses a choice this space does not offer.
    /// </summary>
    public Candidate? Transfer(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.ToJson() is not JObject json || (string?)json["space"] != LayerwiseArchitecture.SpaceKey)
        {
            return null;
        }

        var (source, problems) = LayerwiseArchitecture.TryRead(json);
        if (source is null || problems.Count > 0 || source.Layers.Count > Layers)
        {
            return null;
        }

        var layers = new LayerwiseLayer[Layers];
        for (var l = 0; l < Layers; l++)
        {
            if (l < source.Layers.Count)
            {
                var layer = source.Layers[l];
                var rotations = Enumerable.Range(0, Qubits).Select(q => layer.Rotations[q % source.Qubits]).ToArray();
                layers[l] = layer with { Rotations = rotations };
            }
            else if (_rotations.Contains(LayerwiseArchitecture.None) && _entanglers.Contains(LayerwiseArchitecture.None))
            {
                layers[l] = new LayerwiseLayer(Enumerable.Repeat(LayerwiseArchitecture.None, Qubits).ToArray(), LayerwiseArchitecture.None);
            }
            else
            {
                return null;
            }
        }

        var counterpart = new LayerwiseArchitecture(Qubits, Edges, layers, source.InitialState).ToCandidate();
        return Validate(counterpart).Count == 0 ? counterpart : null;
    }
}
