using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Tabular.Lookup;

namespace NasPlatform.Plugins.Tabular.Tests;

public sealed class LookupTableTests : IDisposable
{
    private const string Header = "index,arch,test_accuracy";
    private const string Row0 = "0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,85.8633";
    private const string Row1 = "1,|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,93.6600";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nas-tabular-tests-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Nas_bench_201_table_holds_the_documented_facts()
    {
        var table = SharedTable.Load();
        var accuracies = table.Rows.Select(r => r.TestAccuracy).ToArray();

        Assert.Equal(15625, table.Rows.Count);
        Assert.Equal(Enumerable.Range(0, 15625), table.Rows.Select(r => r.Index).Order());
        Assert.Equal(94.3733, accuracies.Max());
        Assert.Equal([6111, 13714], table.Rows.Where(r => r.TestAccuracy == 94.3733).Select(r => r.Index).Order());
        Assert.Equal(87.06, Math.Round(accuracies.Average(), 2));
        Assert.Equal(341, accuracies.Count(a => a == 10.0));
    }

    [Fact]
    public void Loading_the_same_file_again_returns_the_cached_table_on_every_thread()
    {
        var tables = new LookupTable[16];
        Parallel.For(0, tables.Length, i => tables[i] = LookupTable.Load(TestCache.Shared, SharedTable.Path));

        Assert.All(tables, t => Assert.Same(tables[0], t));
    }

    [Fact]
    public void An_edited_file_is_read_afresh()
    {
        var path = Write("t.csv", Header, Row0);
        var first = LookupTable.Load(TestCache.Shared, path);
        File.WriteAllLines(path, [Header, Row0, Row1]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        var second = LookupTable.Load(TestCache.Shared, path);

        Assert.Single(first.Rows);
        Assert.Equal(2, second.Rows.Count);
    }

    [Fact]
    public void Missing_file_says_where_the_table_comes_from_and_its_format()
    {
        var path = Path.Combine(_dir.FullName, "absent.csv");

        var error = Assert.Throws<ComponentConfigurationException>(() => LookupTable.Load(TestCache.Shared, path));

        Assert.Equal("table", error.OptionPath);
        Assert.Contains(path, error.Message);
        Assert.Contains("NATS-Bench topology search space", error.Message);
        Assert.Contains("NAS-Bench-201", error.Message);
        Assert.Contains("index,arch,test_accuracy", error.Message);
    }

    [Fact]
    public void Wrong_header_is_reported_on_line_1()
    {
        var path = Write("h.csv", "idx,cell,acc", Row0);

        var error = Assert.Throws<ComponentConfigurationException>(() => LookupTable.Load(TestCache.Shared, path));

        Assert.Contains($"{path}:1: expected the header 'index,arch,test_accuracy', found 'idx,cell,acc'", error.Message);
    }

    [Fact]
    public void Bad_rows_are_each_reported_with_file_line_and_reason()
    {
        var path = Write(
            "bad.csv",
            Header,
            Row0,
            "x,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,10.0",
            "3,|none~0|+|none~0|none~1|+|none~0|none~1|,10.0",
            "4,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,ten",
            "5,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
            Row0.Replace("0,|", "6,|", StringComparison.Ordinal),
            "0,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,10.0");

        var error = Assert.Throws<ComponentConfigurationException>(() => LookupTable.Load(TestCache.Shared, path));

        Assert.Contains("6 bad row(s)", error.Message);
        Assert.Contains($"{path}:3: index 'x' is not a non-negative integer", error.Message);
        Assert.Contains($"{path}:4: arch: node 3 must have 3 incoming edge(s)", error.Message);
        Assert.Contains($"{path}:5: test_accuracy 'ten' is not a finite number", error.Message);
        Assert.Contains($"{path}:6: expected 3 comma-separated fields", error.Message);
        Assert.Contains($"{path}:7: cell |avg_pool_3x3~0|", error.Message);
        Assert.Contains("appears twice (first on line 2)", error.Message);
        Assert.Contains($"{path}:8: index 0 appears twice (first on line 2)", error.Message);
    }

    [Fact]
    public void A_fixed_file_loads_after_a_failed_load()
    {
        var path = Write("fix.csv", Header, "0,bad,1.0");
        Assert.Throws<ComponentConfigurationException>(() => LookupTable.Load(TestCache.Shared, path));

        File.WriteAllLines(path, [Header, Row0]);

        Assert.Single(LookupTable.Load(TestCache.Shared, path).Rows);
    }

    [Fact]
    public void A_header_without_rows_is_refused()
    {
        var path = Write("empty.csv", Header);

        var error = Assert.Throws<ComponentConfigurationException>(() => LookupTable.Load(TestCache.Shared, path));

        Assert.Contains("no rows", error.Message);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
