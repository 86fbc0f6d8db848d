using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// One block of a teacher cut for DNA: layers <see cref="FirstLayer"/> … <see cref="FirstLayer"/> +
/// <see cref="LayerCount"/> − 1 of its description (and modules of the built <c>Sequential</c>), mapping
/// <see cref="InChannels"/> x <see cref="InResolution"/>² activations to <see cref="OutChannels"/> channels with
/// <see cref="Stride"/>.
/// </summary>
public sealed record TeacherBlock(int Index, int FirstLayer, int LayerCount, int InChannels, int InResolution, int OutChannels, int Stride)
{
    /// <summary>
    /// Cuts <paramref name="teacher"/> after each stage: a stage is a maximal run of MBConv or residual blocks
    /// of one output width (MobileNetV2-like: 16, 24, 32, 64, the four stages of the default <c>mbconv</c> space).
    /// </summary>
    public static IReadOnlyList<TeacherBlock> Split(NetworkSpec teacher)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        var blocks = new List<TeacherBlock>();
        var layers = teacher.Layers;
        var i = 0;
        while (i < layers.Count)
        {
            if (Width(layers[i]) is not { } width)
            {
                i++;
                continue;
            }

            var first = i;
            var stride = 1;
            while (i < layers.Count && Width(layers[i]) == width)
            {
                stride *= layers[i] switch { MbConvLayer m => m.Stride, ResidualBlockLayer r => r.Stride, _ => 1 };
                i++;
            }

            var input = NetworkStatistics.OutputShape(teacher with { Layers = layers.Take(first).ToList() });
            blocks.Add(new TeacherBlock(blocks.Count, first, i - first, (int)input.Channels, (int)input.Height, width, stride));
        }

        return blocks.Count > 0
            ? blocks
            : throw new ArgumentException("The teacher has no MBConv or residual blocks to cut into DNA blocks; use the MobileNetV2-like or small ResNet baseline.", nameof(teacher));
    }

    private static int? Width(LayerSpec layer) => layer switch
    {
        MbConvLayer m => m.Out,
        ResidualBlockLayer r => r.Out,
        _ => null,
    };
}
