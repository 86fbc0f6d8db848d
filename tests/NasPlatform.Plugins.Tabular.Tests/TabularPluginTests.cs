using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Tabular.Lookup;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Tests;

public sealed class TabularPluginTests
{
    [Fact]
    public void Describes_itself_as_in_its_manifest()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(SharedTable.RepositoryRoot, "plugins", "Tabular", "NasPlatform.Plugins.Tabular", "plugin.json")));

        var description = new TabularPlugin().Describe();

        Assert.Equal((string?)manifest["id"], description.Id);
        Assert.Equal((string?)manifest["version"], description.Version);
        Assert.Equal(ContractVersion.Text, description.ContractVersion);
        Assert.Equal((string?)manifest["contractVersion"], description.ContractVersion);
        Assert.Equal((string?)manifest["assembly"], typeof(TabularPlugin).Assembly.GetName().Name + ".dll");
    }

    [Fact]
    public void Registers_the_nb201_space_and_the_lookup_evaluator_with_json_schemas()
    {
        var registry = new RecordingRegistry();

        new TabularPlugin().Register(registry);

        var space = Assert.Single(registry.Spaces);
        var evaluator = Assert.Single(registry.Evaluators);
        Assert.Equal("nas-bench-201", space.Name);
        Assert.Equal("lookup", evaluator.Name);
        Assert.Equal("object", (string?)JObject.Parse(space.Schema)["type"]);
        Assert.Equal(["table"], JObject.Parse(evaluator.Schema)["required"]!.Values<string>());

        var context = new ComponentContext("/", AppContext.BaseDirectory, 0);
        var options = new JObject { ["table"] = SharedTable.Path }.ToString();
        Assert.IsType<Nb201SearchSpace>(space.Factory("{}", context));
        Assert.IsType<LookupEvaluator>(evaluator.Factory(options, context));
    }

    private sealed class RecordingRegistry : IPluginRegistry
    {
        public List<(string Name, string Schema, Func<string, ComponentContext, ISearchSpace> Factory)> Spaces { get; } = [];

        public List<(string Name, string Schema, Func<string, ComponentContext, IEvaluator> Factory)> Evaluators { get; } = [];

        public void AddSearchSpace<TOptions>(string name, string description, Func<TOptions, ComponentContext, ISearchSpace> factory)
            where TOptions : class =>
            Spaces.Add((name, ComponentOptions.SchemaFor<TOptions>(null), (json, context) => factory(ComponentOptions.Bind<TOptions>(json), context)));

        public void AddEvaluator<TOptions>(string name, string description, Func<TOptions, ComponentContext, IEvaluator> factory)
            where TOptions : class =>
            Evaluators.Add((name, ComponentOptions.SchemaFor<TOptions>(null), (json, context) => factory(ComponentOptions.Bind<TOptions>(json), context)));

        public void AddStrategy(NasPlatform.Abstractions.Search.ISearchStrategyFactory factory) =>
            throw new InvalidOperationException("the tabular plugin offers no strategy");

        public void AddCommand(PluginCommand command) =>
            throw new InvalidOperationException("the tabular plugin offers no command");

        public void AddTrialViews(NasPlatform.Abstractions.Views.ITrialViews views) =>
            throw new InvalidOperationException("the tabular plugin offers no trial views");
    }
}
