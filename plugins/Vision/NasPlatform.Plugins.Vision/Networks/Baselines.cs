namespace NasPlatform.Plugins.Vision.Networks;

/// <summary>
/// Hand-designed reference networks, described like searched ones so they train with the same code, data and
/// recipe: LeNet-5 (ReLU, average pooling), a 2-conv network under 100k parameters, a small ResNet (3 basic
/// blocks) and a MobileNetV2-like network (inverted residuals, 1x1 head).
/// </summary>
public static class Baselines
{
    public const string LeNet5 = "lenet5";
    public const string TwoConv = "two-conv";
    public const string SmallResNet = "resnet-small";
    public const string MobileNetV2 = "mobilenetv2-like";

    public static IReadOnlyList<string> Names { get; } = [LeNet5, TwoConv, SmallResNet, MobileNetV2];

    public static IReadOnlyList<LayerSpec> Layers(string name, int classes) => name switch
    {
        LeNet5 =>
        [
            new ConvLayer(6, 5, Padding: 2, Bias: true, BatchNorm: false), new PoolLayer(2, 2, Max: false),
            new ConvLayer(16, 5, Padding: 0, Bias: true, BatchNorm: false), new PoolLayer(2, 2, Max: false),
            new FlattenLayer(), new LinearLayer(120, Activation.Relu), new LinearLayer(84, Activation.Relu),
            new DropoutLayer(), new LinearLayer(classes, Classifier: true),
        ],
        TwoConv =>
        [
            new ConvLayer(32, 3), new PoolLayer(2, 2, Max: true),
            new ConvLayer(64, 3), new PoolLayer(2, 2, Max: true),
            new DropoutLayer(), new FlattenLayer(), new LinearLayer(classes, Classifier: true),
        ],
        SmallResNet =>
        [
            new ConvLayer(16, 3),
            new ResidualBlockLayer(16, 1), new ResidualBlockLayer(32, 2), new ResidualBlockLayer(64, 2),
            new GlobalPoolLayer(), new DropoutLayer(), new LinearLayer(classes, Classifier: true),
        ],
        MobileNetV2 =>
        [
            new ConvLayer(16, 3),
            new MbConvLayer(16, 1, 3, 1, false, Activation.Relu),
            new MbConvLayer(24, 6, 3, 2, false, Activation.Relu), new MbConvLayer(24, 6, 3, 1, false, Activation.Relu),
            new MbConvLayer(32, 6, 3, 2, false, Activation.Relu), new MbConvLayer(32, 6, 3, 1, false, Activation.Relu),
            new MbConvLayer(64, 6, 3, 1, false, Activation.Relu), new MbConvLayer(64, 6, 3, 1, false, Activation.Relu),
            new ConvLayer(256, 1), new GlobalPoolLayer(), new DropoutLayer(), new LinearLayer(classes, Classifier: true),
        ],
        _ => throw new ArgumentException($"Unknown baseline '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
