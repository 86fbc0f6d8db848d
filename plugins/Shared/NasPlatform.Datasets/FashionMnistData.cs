namespace NasPlatform.Datasets;

/// <summary>The official Fashion-MNIST splits: 60,000 training and 10,000 test images, labels 0-9.</summary>
public sealed record FashionMnistData(LabeledImages Train, LabeledImages Test);
