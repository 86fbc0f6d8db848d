namespace NasPlatform.Plugins.Eda.Training;

/// <summary>
/// One held-out placement as the trained model sees it, for showing: a feature map (scaled like the model's
/// input), the true hotspot labels (0/1) and the predicted hotspot probabilities, each row-major [G, G] with
/// row 0 at the lowest y, and the true and predicted first-pass failed-net ratio.
/// </summary>
public sealed record HotspotExample(
    string Key,
    string Design,
    string Conditions,
    double TrueRatio,
    double PredictedRatio,
    float[] Feature,
    float[] Label,
    float[] Predicted);
