using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>
/// The training recipe searched jointly with the network: AdamW learning rate and weight decay, epochs
/// (at full fidelity), batch size, and the weight of the hotspot loss against the ratio loss.
/// </summary>
public sealed record TrainingRecipe(
    [property: JsonProperty("learningRate")] double LearningRate,
    [property: JsonProperty("weightDecay")] double WeightDecay,
    [property: JsonProperty("epochs")] int Epochs,
    [property: JsonProperty("batchSize")] int BatchSize,
    [property: JsonProperty("hotspotWeight")] double HotspotWeight);
