using NasPlatform.Abstractions;
using NasPlatform.Plugins.Quantum.Commands;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>The dissociation curve on H2 with psi4 (cached after the first run): HF, FCI and a transferred QEB-ADAPT circuit per bond length.</summary>
public sealed class DissociationCurveTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("curve-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void H2CurveIsWithinChemicalAccuracyAndTransferStartsFromTheNeighboursCircuit()
    {
        var options = CurveCommand.Read(Write("h2.json", """
            { "molecule": { "geometry": "H 0 0 0; H 0 0 {r}", "basis": "sto-3g" }, "bondLengths": [0.7, 0.8, 1.6], "pool": "qeb", "maxOperators": 4 }
            """));
        var points = DissociationCurve.Run(options, TestContexts.In(_work.FullName), null, CancellationToken.None);

        Assert.Equal([0.7, 0.8, 1.6], points.Select(p => p.BondLength));
        Assert.All(points, p =>
        {
            Assert.True(p.Error <= 1.6e-3 && p.Error > -1e-9, $"r={p.BondLength}: error {p.Error}");
            Assert.True(p.Fci < p.HartreeFock, "correlation lowers the energy");
            Assert.Equal(p.Fci + p.Error, p.Vqe, 12);
        });

        // Stretching the bond makes the HF determinant worse: the correlation energy grows.
        Assert.True(points[2].HartreeFock - points[2].Fci > 3 * (points[0].HartreeFock - points[0].Fci));
        Assert.False(points[0].Transferred);
        Assert.Equal(points[0].ScratchEvaluations, points[0].Evaluations);
        // At 0.8 the 0.7 circuit (the double, 13 CNOTs) and its angle start the search: it needs no new operator,
        // so it skips the Hartree-Fock step's training and pool gradients that the search from scratch pays.
        Assert.True(points[1].Transferred);
        Assert.Equal(["0,2->1,3"], points[1].Operators);
        Assert.Equal(13, points[1].Cnots);
        Assert.True(points[1].EvaluationsSaved > 0, $"transfer {points[1].Evaluations}, scratch {points[1].ScratchEvaluations}");
    }

    [Fact]
    public void BadCurveFilesNameTheKeyAndTheFix()
    {
        var typo = Assert.Throws<NasConfigurationException>(() => CurveCommand.Read(Write("typo.json", """{ "molecule": { "geometry": "H 0 0 0; H 0 0 {r}" }, "bondLength": [0.7] }""")));
        Assert.Contains("unknown key \"bondLength\" (did you mean \"bondLengths\"?)", typo.Message, StringComparison.Ordinal);
        var noPlaceholder = Assert.Throws<NasConfigurationException>(() => CurveCommand.Read(Write("fixed.json", """{ "molecule": { "geometry": "H 0 0 0; H 0 0 0.7" }, "bondLengths": [0.7] }""")));
        Assert.Contains("has no {r}", noPlaceholder.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<NasConfigurationException>(() => CurveCommand.Read(Write("neg.json", """{ "molecule": { "geometry": "H 0 0 0; H 0 0 {r}" }, "bondLengths": [0.7, -1] }""")));
        Assert.Contains("bondLengths holds -1", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChartDrawsTheThreeCurvesAndTheChemicalAccuracyBand()
    {
        CurvePoint[] points =
        [
            new(0.7, -1.11, -1.13, -1.1299, 1e-4, 14, ["0,2->1,3"], 20, false, 1e-4, 14, 20, 0.1),
            new(1.6, -0.90, -0.98, -0.9790, 1e-3, 14, ["0,2->1,3"], 10, true, 1e-3, 14, 20, 0.1),
        ];
        var svg = CurveChart.Svg("H2", points, 1.6e-3);
        Assert.Equal(4, svg.Split("<polyline", StringSplitOptions.None).Length - 1);
        Assert.Contains("chemical accuracy (1.6 mHa)", svg, StringComparison.Ordinal);
        Assert.Contains("fill-opacity=\"0.2\"", svg, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(svg);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
