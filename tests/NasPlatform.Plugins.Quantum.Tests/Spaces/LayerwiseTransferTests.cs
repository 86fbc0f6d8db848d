using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces;

/// <summary>
/// A layer-wise space takes over candidates of another register size (the predictor transfer from an 8-qubit ring
/// to a 10-qubit one): periodic extension of each layer's rotations, the same entanglers, sharing, bonds and initial
/// state, padding with empty layers; no counterpart where a choice is not offered or the source is deeper.
/// </summary>
public sealed class LayerwiseTransferTests
{
    private static readonly string[] Rotations = ["none", "rx", "ry", "rz"];
    private static readonly string[] Entanglers = ["none", "cnot", "cz", "rzz", "rxx", "ryy"];

    private static LayerwiseSpace Ring(int qubits, int layers, string[]? rotations = null) =>
        new(CouplingMap.Ring(qubits), layers, rotations ?? Rotations, Entanglers, ring: true,
            sharing: ["independent", "shared"], initialStates: ["reference", "plus", "neel"]);

    [Fact]
    public void An_eight_qubit_ring_candidate_becomes_its_periodic_extension_on_ten_qubits()
    {
        var eight = Ring(8, 6);
        var ten = Ring(10, 6);
        for (var seed = 0; seed < 40; seed++)
        {
            var source = eight.Sample(new Random(seed));
            var counterpart = ten.Transfer(source);

            Assert.NotNull(counterpart);
            Assert.Empty(ten.Validate(counterpart));
            var from = LayerwiseArchitecture.TryRead((Newtonsoft.Json.Linq.JObject)source.ToJson()).Architecture!;
            var to = LayerwiseArchitecture.TryRead((Newtonsoft.Json.Linq.JObject)counterpart.ToJson()).Architecture!;
            Assert.Equal(10, to.Qubits);
            Assert.Equal(from.InitialState, to.InitialState);
            for (var l = 0; l < 6; l++)
            {
                Assert.Equal(from.Layers[l].Entangler, to.Layers[l].Entangler);
                Assert.Equal(from.Layers[l].Shared, to.Layers[l].Shared);
                Assert.Equal(Enumerable.Range(0, 10).Select(q => from.Layers[l].Rotations[q % 8]), to.Layers[l].Rotations);
            }
        }
    }

    [Fact]
    public void The_same_size_maps_a_candidate_to_itself_and_a_shallower_source_is_padded_with_empty_layers()
    {
        var space = Ring(8, 6);
        var candidate = space.Sample(new Random(3));
        Assert.Equal(candidate, space.Transfer(candidate));

        var shallow = Ring(8, 4).Sample(new Random(5));
        var padded = LayerwiseArchitecture.TryRead((Newtonsoft.Json.Linq.JObject)space.Transfer(shallow)!.ToJson()).Architecture!;
        Assert.All(padded.Layers.Skip(4), l =>
        {
            Assert.Equal("none", l.Entangler);
            Assert.All(l.Rotations, r => Assert.Equal("none", r));
        });
    }

    [Fact]
    public void No_counterpart_for_a_deeper_source_or_a_choice_this_space_does_not_offer()
    {
        Assert.Null(Ring(10, 4).Transfer(Ring(8, 6).Sample(new Random(1))));

        var withoutRz = Ring(10, 6, ["none", "rx", "ry"]);
        var source = Ring(8, 6);
        var usesRz = Enumerable.Range(0, 50).Select(i => source.Sample(new Random(i))).First(c => c.Json.Contains("\"rz\"", StringComparison.Ordinal));
        Assert.Null(withoutRz.Transfer(usesRz));

        Assert.Null(withoutRz.Transfer(NasPlatform.Abstractions.Candidates.Candidate.Parse("""{"space":"gatewise","qubits":2,"gates":[]}""")));
    }
}
