using System.Numerics;
using NasPlatform.Plugins.Quantum.Classifier;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Classifier;

public sealed class AngleEncodingTests
{
    [Theory]
    [InlineData(GateKind.RY)]
    [InlineData(GateKind.RX)]
    public void Encodes_a_product_of_single_qubit_rotations_with_qubit_0_leftmost(GateKind rotation)
    {
        double[] x = [0.3, 1.7, 2.9];
        var state = new StateVector(3);
        state.SetBasisState(5);

        new AngleEncoding(3, rotation).Encode(x, state);

        for (var index = 0; index < 8; index++)
        {
            var expected = Complex.One;
            for (var q = 0; q < 3; q++)
            {
                var one = ((index >> (2 - q)) & 1) == 1;
                var sin = Math.Sin(x[q] / 2);
                expected *= !one ? Math.Cos(x[q] / 2) : rotation == GateKind.RY ? sin : new Complex(0, -sin);
            }

            Assert.Equal(expected.Real, state[index].Real, 12);
            Assert.Equal(expected.Imaginary, state[index].Imaginary, 12);
        }
    }

    [Fact]
    public void Rejects_a_feature_count_other_than_the_qubit_count()
    {
        var e = Assert.Throws<ArgumentException>(() => new AngleEncoding(3).Encode([1.0, 2.0], new StateVector(3)));

        Assert.Contains("needs 3 features, got 2", e.Message);
    }

    [Theory]
    [InlineData("RY", GateKind.RY)]
    [InlineData(" rx", GateKind.RX)]
    public void Parses_the_rotation(string text, GateKind expected)
    {
        Assert.Equal(expected, AngleEncoding.ParseRotation(text));
        Assert.Throws<ArgumentException>(() => AngleEncoding.ParseRotation("rz"));
    }
}
