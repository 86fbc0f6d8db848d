using NasPlatform.Abstractions.Options;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Tests.Spaces;

public sealed class MbConvSpaceTests
{
    private readonly MbConvSpace _space = new(MbConvSpaceOptions.Default);

    [Fact]
    public void Encoding_has_one_feature_per_gene_stem_stages_head_and_recipe()
    {
        Assert.Equal(1 + 4 * 7 + 1 + 10, _space.EncodingLength);
    }

    [Fact]
    public void Mutation_changes_exactly_one_gene()
    {
        var random = new Random(5);
        for (var i = 0; i < 30; i++)
        {
            var parent = _space.Sample(random);
            var child = _space.Mutate(parent, random);
            var changed = _space.Encode(parent).Zip(_space.Encode(child)).Count(p => p.First != p.Second);
            Assert.Equal(1, changed);
            Assert.Empty(_space.Validate(child));
        }
    }

    [Fact]
    public void Crossover_takes_every_gene_from_a_parent()
    {
        var random = new Random(9);
        var a = _space.Sample(random);
        var b = _space.Sample(random);
        var child = _space.Crossover(a, b, random);
        var (ea, eb, ec) = (_space.Encode(a), _space.Encode(b), _space.Encode(child));
        Assert.All(Enumerable.Range(0, ec.Length), i => Assert.True(ec[i] == ea[i] || ec[i] == eb[i]));
    }

    [Fact]
    public void Free_statistics_are_parameters_macs_and_depth()
    {
        var stats = _space.FreeStatistics(_space.Sample(new Random(1)));
        Assert.Equal(["depth", "macs", "params"], stats.Keys.Order());
        Assert.True(stats["params"] > 1000 && stats["macs"] > stats["params"]);
    }

    [Fact]
    public void Measured_latency_is_an_optional_free_statistic()
    {
        TorchFixture.Ensure();
        var space = new MbConvSpace(MbConvSpaceOptions.Default with { MeasureLatency = true });
        var stats = space.FreeStatistics(space.Sample(new Random(1)));
        Assert.InRange(stats["latency_ms"], 1e-3, 1e4);
    }

    [Fact]
    public void Values_outside_the_space_are_named()
    {
        var json = (JObject)_space.Sample(new Random(2)).ToJson();
        json["architecture"]!["stages"]![1]!["width"] = 1000;
        json["recipe"]!["batchSize"] = 100;
        var problems = _space.Validate(Candidate.From(json));
        Assert.Contains(problems, p => p.Contains("architecture.stages[1].width is 1000"));
        Assert.Contains(problems, p => p.Contains("recipe.batchSize is 100"));
    }

    [Fact]
    public void Malformed_candidates_get_a_readable_message()
    {
        var problems = _space.Validate(Candidate.Parse("""{"architecture": {"stem": 8}, "recipe": {}}"""));
        Assert.Single(problems);
        Assert.Contains("recipe.optimizer", problems[0]);
    }

    [Fact]
    public void Narrowed_recipe_choices_bound_what_the_search_samples_and_accepts()
    {
        var schema = JObject.Parse(ComponentOptions.SchemaFor<MbConvOptions>(null));
        Assert.Equal(0, (double)schema["properties"]!["recipeChoices"]!["properties"]!["augment"]!["items"]!["minimum"]!);
        var options = MbConvSpaceOptions.From(ComponentOptions.Bind<MbConvOptions>("""{ "recipeChoices": { "augment": [0.5, 1], "labelSmoothing": [0.1] } }"""));
        var space = new MbConvSpace(options);
        var random = new Random(3);
        var recipes = Enumerable.Range(0, 40).Select(_ => VisionCandidate.Parse(space.Sample(random)).Recipe).ToList();
        Assert.All(recipes, r => Assert.Equal(0.1, r.LabelSmoothing));
        Assert.Equal([0.5, 1.0], recipes.Select(r => r.Augment).Distinct().Order());
        Assert.Equal(RecipeChoices.Default.Dropout, recipes.Select(r => r.Dropout).Distinct().Order());

        var unaugmented = (JObject)space.Sample(new Random(4)).ToJson();
        unaugmented["recipe"]!["augment"] = 0.0;
        Assert.Contains(space.Validate(Candidate.From(unaugmented)), p => p.Contains("recipe.augment is 0; this space offers 0.5, 1"));
        Assert.Empty(_space.Validate(Candidate.From(unaugmented)));
    }

    [Fact]
    public void Random_erasing_is_a_gene_only_when_the_choices_offer_it_and_round_trips_through_the_candidate()
    {
        Assert.DoesNotContain(_space.Genes, g => g.Name == "recipe.erase");
        Assert.DoesNotContain("erase", _space.Sample(new Random(1)).ToJson().ToString());

        var space = new MbConvSpace(MbConvSpaceOptions.From(ComponentOptions.Bind<MbConvOptions>("""{ "recipeChoices": { "erase": [0, 0.5] } }""")));
        Assert.Equal(_space.EncodingLength + 1, space.EncodingLength);
        var random = new Random(5);
        var candidates = Enumerable.Range(0, 40).Select(_ => space.Sample(random)).ToList();
        Assert.Equal([0.0, 0.5], candidates.Select(c => VisionCandidate.Parse(c).Recipe.Erase).Distinct().Order());
        var erasing = candidates.First(c => VisionCandidate.Parse(c).Recipe.Erase > 0);
        Assert.Empty(space.Validate(erasing));
        Assert.Equal(erasing, VisionCandidate.Parse(erasing).ToCandidate());
        Assert.Contains(_space.Validate(erasing), p => p.Contains("no random erasing"));
    }

    [Fact]
    public void Block_kind_is_a_gene_only_when_the_options_offer_blocks_and_round_trips_through_the_candidate()
    {
        Assert.DoesNotContain(_space.Genes, g => g.Name.EndsWith(".block", StringComparison.Ordinal));
        Assert.DoesNotContain("block", _space.Sample(new Random(1)).ToJson().ToString());

        var space = new MbConvSpace(MbConvSpaceOptions.From(ComponentOptions.Bind<MbConvOptions>("""{ "blocks": ["mbconv", "fused"] }""")));
        Assert.Equal(_space.EncodingLength + 4, space.EncodingLength);
        var random = new Random(6);
        var candidates = Enumerable.Range(0, 30).Select(_ => space.Sample(random)).ToList();
        var kinds = candidates.SelectMany(c => VisionCandidate.Parse(c).Stages.Select(s => s.Block)).Distinct().Order();
        Assert.Equal([BlockKind.MbConv, BlockKind.Fused], kinds);
        Assert.All(candidates, c => Assert.Empty(space.Validate(c)));

        var fused = candidates.First(c => VisionCandidate.Parse(c).Stages[0].Block == BlockKind.Fused);
        Assert.Equal("fused", (string)fused.ToJson()["architecture"]!["stages"]![0]!["block"]!);
        Assert.Equal(fused, VisionCandidate.Parse(fused).ToCandidate());
        Assert.Contains(_space.Validate(fused), p => p.Contains("architecture.stages[0].block is fused; this space offers only MBConv blocks"));

        var onlyFused = new MbConvSpace(MbConvSpaceOptions.From(ComponentOptions.Bind<MbConvOptions>("""{ "blocks": ["fused"] }""")));
        var mbconv = candidates.First(c => VisionCandidate.Parse(c).Stages[1].Block == BlockKind.MbConv);
        Assert.Contains(onlyFused.Validate(mbconv), p => p.Contains("architecture.stages[1].block is mbconv; this space offers fused"));

        var bad = (JObject)fused.ToJson();
        bad["architecture"]!["stages"]![0]!["block"] = "dense";
        Assert.Contains(space.Validate(Candidate.From(bad)), p => p.Contains("architecture.stages[0].block must be \"mbconv\" or \"fused\""));
    }

    [Fact]
    public void Fixed_recipe_space_searches_only_the_architecture()
    {
        var space = new MbConvSpace(MbConvSpaceOptions.Default with { SearchRecipe = false });
        Assert.Equal(1 + 4 * 7 + 1, space.EncodingLength);
        var recipe = VisionCandidate.Parse(space.Sample(new Random(1))).Recipe;
        Assert.Equal(NasPlatform.Plugins.Vision.Training.TrainingRecipe.Default, recipe);
    }

    [Fact]
    public void Baseline_space_offers_the_four_baselines_with_the_default_recipe()
    {
        var space = new BaselineSpace([.. NasPlatform.Plugins.Vision.Networks.Baselines.Names], InputShape.FashionMnist, new RecipeGenes(true, [10], [128]));
        var random = new Random(1);
        var seen = Enumerable.Range(0, 40).Select(_ => VisionCandidate.Parse(space.Sample(random)).Baseline).Distinct().Order().ToList();
        Assert.Equal(NasPlatform.Plugins.Vision.Networks.Baselines.Names.Order(), seen);
        Assert.Equal(1, space.EncodingLength);
    }
}
