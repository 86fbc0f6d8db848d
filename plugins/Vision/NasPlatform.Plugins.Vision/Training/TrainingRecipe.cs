namespace NasPlatform.Plugins.Vision.Training;

/// <summary>
/// How a network is trained (searched jointly with the architecture, as in FBNetV3). The learning rate
/// follows a cosine schedule to zero over the run; <see cref="Epochs"/> is the full-fidelity count, which a
/// fidelity's epoch factor scales.
/// </summary>
/// <param name="Optimizer">SGD (Nesterov momentum 0.9) or AdamW.</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="WeightDecay">L2 coefficient (SGD) or decoupled decay (AdamW).</param>
/// <param name="Epochs">Passes over the training images at full fidelity.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LabelSmoothing">Probability mass spread uniformly over the classes in the target.</param>
/// <param name="Dropout">Rate of the dropout before the classifier.</param>
/// <param name="Mixup">Beta(α, α) parameter of mixup; 0 turns it off.</param>
/// <param name="Ema">Decay of the exponential moving average of the weights that is evaluated; 0 evaluates the raw weights.</param>
/// <param name="Augment">Augmentation strength in [0, 1]: random shifts up to round(3·a) pixels and horizontal flips with probability a/2.</param>
/// <param name="Erase">Probability of random erasing (Zhong et al. 2020): a rectangle of 2-40 % of the image, aspect ratio 0.3-3.3,
/// replaced by noise; 0 turns it off.</param>
public sealed record TrainingRecipe(
    OptimizerKind Optimizer,
    double LearningRate,
    double WeightDecay,
    int Epochs,
    int BatchSize,
    double LabelSmoothing,
    double Dropout,
    double Mixup,
    double Ema,
    double Augment,
    double Erase = 0)
{
    /// <summary>
    /// The defaults every baseline and the fixed-recipe space use. AdamW, because SGD at the learning rates that
    /// suit pooled MBConv networks diverges on flatten-then-linear baselines (LeNet-5, 2-conv).
    /// </summary>
    public static TrainingRecipe Default { get; } = new(OptimizerKind.AdamW, 0.002, 0.05, 10, 128, 0.1, 0.1, 0.0, 0.0, 0.5);
}
