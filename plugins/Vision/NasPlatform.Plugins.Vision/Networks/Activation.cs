namespace NasPlatform.Plugins.Vision.Networks;

/// <summary>The non-linearity of a layer.</summary>
public enum Activation
{
    None,
    Relu,
    HardSwish,
}
