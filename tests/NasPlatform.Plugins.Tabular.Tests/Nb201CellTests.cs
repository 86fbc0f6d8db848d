using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Tests;

public sealed class Nb201CellTests
{
    private const string Best6111 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";

    [Fact]
    public void Cell_string_maps_edges_in_benchmark_order()
    {
        var cell = Nb201Cell.ParseCellString(Best6111);

        Assert.Equal(
            ["nor_conv_3x3", "nor_conv_3x3", "nor_conv_3x3", "skip_connect", "nor_conv_3x3", "nor_conv_1x1"],
            cell.OperationNames);
        Assert.Equal(Nb201Cell.IndexOf("skip_connect"), cell.OperationOn(0, 3));
        Assert.Equal(Nb201Cell.IndexOf("nor_conv_1x1"), cell.OperationOn(2, 3));
        Assert.Equal(Best6111, cell.ToCellString());
    }

    [Fact]
    public void Every_table_cell_string_round_trips()
    {
        var table = SharedTable.Load();

        foreach (var row in table.Rows)
        {
            Assert.Equal(row.Cell, Nb201Cell.ParseCellString(row.Cell.ToCellString()));
        }

        Assert.Equal(15625, table.Rows.Select(r => r.Cell).Distinct().Count());
    }

    [Fact]
    public void Candidate_round_trips_and_uses_the_edges_property()
    {
        var cell = Nb201Cell.ParseCellString(Best6111);
        var candidate = cell.ToCandidate();

        Assert.Equal("{\"edges\":[\"nor_conv_3x3\",\"nor_conv_3x3\",\"nor_conv_3x3\",\"skip_connect\",\"nor_conv_3x3\",\"nor_conv_1x1\"]}", candidate.Json);
        Assert.Equal(cell, Nb201Cell.FromCandidate(candidate));
    }

    [Theory]
    [InlineData("|nor_conv_3x3~0|+|none~0|none~1|", "3 node groups")]
    [InlineData("|conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|", "unknown operation 'conv_5x5'")]
    [InlineData("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|", "must read 'op~0'")]
    [InlineData("|none~0|+|none~0|+|none~0|none~1|none~2|", "node 2 must have 2 incoming")]
    [InlineData("none~0|+|none~0|none~1|+|none~0|none~1|none~2|", "start and end with '|'")]
    public void Bad_cell_strings_say_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Nb201Cell.ParseCellString(text));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Bad_candidates_list_every_problem()
    {
        var candidate = Candidate.From(JObject.Parse("""{"edges":["none","pool",3,"none","none","none","none"],"extra":1}"""));

        var problems = Nb201Cell.Problems(candidate);

        Assert.Contains(problems, p => p.Contains("unexpected property 'extra'"));
        Assert.Contains(problems, p => p.Contains("must have 6 entries"));
        Assert.Contains(problems, p => p.Contains("edges[1]: unknown operation \"pool\""));
        Assert.Contains(problems, p => p.Contains("edges[2]: unknown operation 3"));
        Assert.Throws<ArgumentException>(() => Nb201Cell.FromCandidate(candidate));
    }
}
