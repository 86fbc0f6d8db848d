namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>Hand-designed networks expressed in the same space, trained and scored by the same code.</summary>
public static class Baselines
{
    // Ten epochs: what the CPU budget of the benchmark allows for RouteNet (about 0.1 s per sample-epoch here).
    public static readonly TrainingRecipe DefaultRecipe = new(2e-3, 1e-4, 10, 16, 1.0);

    /// <summary>
    /// RouteNet (Xie et al. ICCAD 2018), its hotspot FCN mapped into this space: 9x9 conv (32) and max pool,
    /// two 7x7 convs (64) and max pool, transposed-convolution decoder with the shortcut from the first stage
    /// (concatenated, its 'shortcut'), 9x9 decoder kernels as its deconvolutions. The count head is this space's.
    /// </summary>
    public static RoutabilityNet RouteNet(TrainingRecipe? recipe = null) => new(
        [new EncoderStage(32, 9, 1, 1, "max", "concat"), new EncoderStage(64, 7, 1, 2, "max", "none")],
        "transposed",
        9,
        recipe ?? DefaultRecipe);

    /// <summary>A plain CNN regressor: three 3x3 conv + max-pool stages into the pooled head; its decoder has no skips.</summary>
    public static RoutabilityNet PlainCnn(TrainingRecipe? recipe = null) => new(
        [new EncoderStage(16, 3, 1, 1, "max", "none"), new EncoderStage(32, 3, 1, 1, "max", "none"), new EncoderStage(64, 3, 1, 1, "max", "none")],
        "nearest",
        3,
        recipe ?? DefaultRecipe);

    public static RoutabilityNet? Find(string name) => name switch
    {
        "routenet" => RouteNet(),
        "plain-cnn" => PlainCnn(),
        _ => null,
    };
}
