using NasPlatform.Abstractions;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;

namespace NasPlatform.Workflows.Tests.Benchmarks;

public sealed class LookupTableReferenceTests(Nb201Fixture nb201) : IClassFixture<Nb201Fixture>
{
    private static readonly Objective MaxAccuracy = new("accuracy", Direction.Maximize);

    [Fact]
    public void Reads_the_table_the_evaluator_options_name_relative_to_the_experiment()
    {
        var baseDirectory = Path.GetDirectoryName(nb201.TablePath)!;
        var options = new JObject { ["table"] = Path.GetFileName(nb201.TablePath) };

        var expected = LookupTableReference.ExpectedBestOfUniformDraws(options, baseDirectory, MaxAccuracy, 100);

        Assert.Equal(ExpectedMaximum.OfUniformDraws(nb201.Table.Rows.Select(r => r.TestAccuracy), 100), expected);
        Assert.Equal(93.8467, expected!.Value, precision: 4);
    }

    [Fact]
    public void Minimized_objectives_get_the_expected_minimum()
    {
        var options = new JObject { ["table"] = nb201.TablePath, ["metric"] = "acc" };

        var expected = LookupTableReference.ExpectedBestOfUniformDraws(options, "/", new Objective("acc", Direction.Minimize), 1000);

        Assert.Equal(ExpectedMaximum.MinimumOfUniformDraws(nb201.Table.Rows.Select(r => r.TestAccuracy), 1000), expected);
        Assert.True(expected < 15, "1000 draws nearly always include one of the 341 cells at 10%");
    }

    [Fact]
    public void No_reference_without_a_table_or_for_another_metric()
    {
        Assert.Null(LookupTableReference.ExpectedBestOfUniformDraws(new JObject(), "/", MaxAccuracy, 100));
        Assert.Null(LookupTableReference.ExpectedBestOfUniformDraws(new JObject { ["table"] = nb201.TablePath }, "/", new Objective("latency", Direction.Minimize), 100));
    }

    [Fact]
    public void A_missing_column_names_the_file_and_the_columns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nas-ref-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["index,arch,acc", "0,x,1.0"]);
        try
        {
            var error = Assert.Throws<NasConfigurationException>(() => LookupTableReference.ReadColumn(path, "test_accuracy"));

            Assert.Equal($"{path}:1: the table has no column 'test_accuracy' (columns: index, arch, acc).", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
