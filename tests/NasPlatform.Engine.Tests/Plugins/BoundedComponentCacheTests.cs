using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

/// <summary>The host's per-plugin cache: bounded, least recently used out first, one creation per key.</summary>
public sealed class BoundedComponentCacheTests
{
    [Fact]
    public void Holds_at_most_its_capacity_and_evicts_the_least_recently_used()
    {
        var cache = new BoundedComponentCache(capacity: 3);
        var created = new List<string>();
        string Get(string key) => cache.GetOrAdd(key, () => { created.Add(key); return key.ToUpperInvariant(); });

        Get("a");
        Get("b");
        Get("c");
        Get("a");      // a is now the most recent
        Get("d");      // evicts b
        Get("a");
        Get("b");      // created again, evicts c

        Assert.Equal(["a", "b", "c", "d", "b"], created);
        Assert.Equal(3, cache.Count);
        Assert.Equal(2, cache.Evictions);
        Assert.Equal("A", Get("a"));
    }

    [Fact]
    public void Sized_values_are_bounded_by_their_bytes_and_small_values_by_count_alone()
    {
        var cache = new BoundedComponentCache(capacity: 100, byteCapacity: 100);
        var created = new List<string>();
        byte[] Data(string key, int size) => cache.GetOrAdd(key, () => { created.Add(key); return new byte[size]; }, v => v.Length);
        string Small(string key) => cache.GetOrAdd(key, () => { created.Add(key); return key; });

        Data("a", 40);
        Data("b", 40);
        for (var i = 0; i < 50; i++)
        {
            Small($"s{i}");
        }

        Data("a", 40);  // a is now the most recent data set
        Data("c", 40);  // 120 bytes: evicts b, the least recently used sized value, and no small value
        Data("a", 40);
        Data("b", 40);  // created again: evicts c

        Assert.Equal(80, cache.Bytes);
        Assert.Equal(52, cache.Count);
        Assert.Equal(2, cache.Evictions);
        Assert.Equal(["a", "b", .. Enumerable.Range(0, 50).Select(i => $"s{i}"), "c", "b"], created);
        Assert.Equal("s0", Small("s0"));
        Assert.Equal(["a", "b", .. Enumerable.Range(0, 50).Select(i => $"s{i}"), "c", "b"], created);
    }

    [Fact]
    public void A_sized_value_larger_than_the_byte_limit_is_returned_but_not_kept()
    {
        var cache = new BoundedComponentCache(byteCapacity: 100);
        cache.GetOrAdd("small", () => new byte[10], v => v.Length);

        var huge = cache.GetOrAdd("huge", () => new byte[500], v => v.Length);

        Assert.Equal(500, huge.Length);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
        Assert.NotSame(huge, cache.GetOrAdd("huge", () => new byte[500], v => v.Length));
    }

    [Fact]
    public void Evicting_by_count_releases_the_bytes_of_a_sized_value()
    {
        var cache = new BoundedComponentCache(capacity: 2, byteCapacity: 1000);
        cache.GetOrAdd("data", () => new byte[300], v => v.Length);
        cache.GetOrAdd("x", () => "x");
        cache.GetOrAdd("y", () => "y");

        Assert.Equal(0, cache.Bytes);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task Concurrent_callers_of_one_key_share_one_creation()
    {
        var cache = new BoundedComponentCache();
        var creations = 0;
        using var gate = new ManualResetEventSlim();

        var values = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetOrAdd("k", () =>
        {
            Interlocked.Increment(ref creations);
            gate.Wait(TimeSpan.FromSeconds(5));
            return new object();
        }))).ToArray();
        await Task.Delay(100);
        gate.Set();
        var results = await Task.WhenAll(values);

        Assert.Equal(1, creations);
        Assert.Single(results.Distinct());
    }

    [Fact]
    public void A_creation_that_throws_is_not_kept_and_types_do_not_collide()
    {
        var cache = new BoundedComponentCache();

        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd<string>("k", () => throw new InvalidOperationException("first try fails")));
        Assert.Equal("second", cache.GetOrAdd("k", () => "second"));
        Assert.Equal([1.0], cache.GetOrAdd<double[]>("k", () => [1.0]));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_host_hands_each_plugin_one_bounded_cache_through_every_factory()
    {
        var catalog = PluginCatalog.Load([BuiltPlugins.PluginsFolder]);
        var options = Newtonsoft.Json.Linq.JObject.Parse("""{ "qubits": 4, "layers": 2 }""");
        var evaluatorOptions = Newtonsoft.Json.Linq.JObject.Parse("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s30x1"] }""");

        var space = catalog.CreateSearchSpace("quantum", "layerwise", options, "/", 0, "test, $.searchSpace.options");
        var evaluator = catalog.CreateEvaluator("quantum", "vqe", evaluatorOptions, "/", 0, "test, $.evaluator.options");
        var plugin = catalog.Find("quantum")!;

        Assert.IsType<BoundedComponentCache>(plugin.Cache);
        Assert.Same(plugin.Cache, space.GetType().GetProperty("Cache")!.GetValue(space));
        Assert.Same(plugin.Cache, evaluator.GetType().GetProperty("Cache")!.GetValue(evaluator));
        Assert.NotSame(plugin.Cache, catalog.Find("vision")!.Cache);
    }
}
