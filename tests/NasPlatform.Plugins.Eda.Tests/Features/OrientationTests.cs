using NasPlatform.Eda.Geometry;

namespace NasPlatform.Plugins.Eda.Tests.Features;

public sealed class OrientationTests
{
    // A point (0.5, 2) of a 2 x 10 macro, as an offset from the placed lower-left corner.
    [Theory]
    [InlineData(Orientation.N, 0.5, 2)]
    [InlineData(Orientation.S, 1.5, 8)]
    [InlineData(Orientation.FN, 1.5, 2)]
    [InlineData(Orientation.FS, 0.5, 8)]
    [InlineData(Orientation.W, 8, 0.5)]
    [InlineData(Orientation.E, 2, 1.5)]
    [InlineData(Orientation.FW, 8, 1.5)]
    [InlineData(Orientation.FE, 2, 0.5)]
    public void MovesMacroPointsLikeDef(Orientation orientation, double x, double y)
    {
        Assert.Equal((x, y), OrientationTransform.Apply(orientation, 0.5, 2, 2, 10));
    }
}
