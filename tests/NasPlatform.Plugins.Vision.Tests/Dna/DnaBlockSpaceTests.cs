using NasPlatform.Abstractions.Options;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Dna;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Tests.Dna;

public sealed class DnaBlockSpaceTests
{
    private static readonly DnaBlockSpace Space = new(DnaBlockSpaceOptions.Default with { Depths = [0, 1, 2, 3] });

    // The laws every space obeys (validity, encoding length, JSON round trip, determinism) run in DnaBlockSpaceContractTests.
    [Fact]
    public void Sampled_mutated_and_crossed_candidates_are_stages_of_the_teacher_blocks_and_only_block_0_is_skipped()
    {
        var random = new Random(1);
        var sampled = Enumerable.Range(0, 200).Select(_ => Space.Sample(random)).ToList();
        var children = sampled.Zip(sampled.Skip(1), (a, b) => Space.Crossover(a, b, random)).Concat(sampled.Select(c => Space.Mutate(c, random))).ToList();

        Assert.Equal([0, 1, 2, 3], sampled.Select(Space.BlockOf).Distinct().Order());
        Assert.All(sampled.Concat(children).Select(DnaBlockCandidate.Parse), c =>
        {
            Assert.Equal(Space.Blocks[c.Block].OutChannels, c.Stage.Width);
            Assert.Equal(Space.Blocks[c.Block].Stride, c.Stage.Stride);
        });
        // Skipping (depth 0) is offered to the shape-keeping block 0 (16 to 16 channels, stride 1) only.
        Assert.Contains(sampled.Select(DnaBlockCandidate.Parse), c => c.Block == 0 && c.Stage.Depth == 0);
        Assert.DoesNotContain(sampled.Concat(children).Select(DnaBlockCandidate.Parse), c => c.Block > 0 && c.Stage.Depth == 0);
    }

    [Fact]
    public void The_assembled_network_costs_exactly_the_fixed_part_plus_its_blocks_and_validates_in_an_mbconv_space()
    {
        var random = new Random(5);
        var mbconv = new MbConvSpace(MbConvSpaceOptions.Default with
        {
            StemWidths = [16],
            Stages = [new([0, 1, 2, 3], [16], [1]), new([1, 2, 3], [24], [2]), new([1, 2, 3], [32], [2]), new([1, 2, 3], [64], [1])],
            Heads = [256],
            SearchRecipe = true,
        });
        for (var round = 0; round < 30; round++)
        {
            List<Candidate> blocks = [.. Enumerable.Range(0, 4).Select(k => Enumerable.Range(0, 100).Select(_ => Space.Sample(random)).First(c => Space.BlockOf(c) == k))];
            var assembled = Space.Assemble(blocks);
            var statistics = Space.AssembledStatistics(assembled);

            foreach (var name in new[] { "params", "macs", "depth" })
            {
                Assert.Equal(Space.FixedStatistics[name] + blocks.Sum(b => Space.FreeStatistics(b)[name]), statistics[name]);
            }

            Assert.Equal(mbconv.FreeStatistics(assembled)["params"], statistics["params"]);
            Assert.Equal(VisionCandidate.Parse(assembled).Stages, blocks.Select(b => DnaBlockCandidate.Parse(b).Stage));
        }

        // Stem 3x3 to 16 with BN (176), head 1x1 64 to 256 with BN (16,896), classifier 256 to 10 (2,570).
        Assert.Equal(176 + 16_896 + 2_570, Space.FixedStatistics["params"]);
        var teacher = NetworkStatistics.Count(new NetworkSpec(1, 28, Baselines.Layers(Baselines.MobileNetV2, 10))).Parameters;
        var teacherStages = Space.Assemble([.. Space.Blocks.Select(b => new DnaBlockCandidate(Baselines.MobileNetV2, b.Index,
            new StageGenes(b.LayerCount, b.OutChannels, b.Stride, b.Index == 0 ? 1 : 6, 3, false, Activation.Relu)).ToCandidate())]);
        Assert.Equal(teacher, Space.AssembledStatistics(teacherStages)["params"]);
    }

    [Fact]
    public void Candidates_outside_the_space_get_a_message_naming_the_field_and_the_fix()
    {
        static Candidate Block(int block, int depth, int width, int stride, string teacher = "mobilenetv2-like") => new DnaBlockCandidate(teacher, block,
            new StageGenes(depth, width, stride, 2, 3, false, Activation.Relu)).ToCandidate();

        Assert.Contains("stage.width is 32; teacher block 1 has 24 channels", Assert.Single(Space.Validate(Block(1, 1, 32, 2))));
        Assert.Contains("stage.stride is 1; teacher block 1 has stride 2", Assert.Single(Space.Validate(Block(1, 1, 24, 1))));
        Assert.Contains("a block that changes shape cannot be skipped", Assert.Single(Space.Validate(Block(2, 0, 32, 2))));
        Assert.Contains("block is 4; the teacher 'mobilenetv2-like' has blocks 0 to 3", Assert.Single(Space.Validate(Block(4, 1, 64, 1))));
        Assert.Contains("this space's teacher is 'mobilenetv2-like'", Assert.Single(Space.Validate(Block(0, 1, 16, 1, "resnet-small"))));
        Assert.Contains("stage.kernel is missing", Assert.Single(Space.Validate(Candidate.From(JObject.Parse("""{"teacher":"mobilenetv2-like","block":0,"stage":{"depth":1,"width":16,"stride":1,"expansion":1,"se":false,"activation":"relu"}}""")))));
        Assert.Contains("is not one", Assert.Single(Space.Validate(Space.Assemble([.. Enumerable.Range(0, 4).Select(k => Block(k, 1, Space.Blocks[k].OutChannels, Space.Blocks[k].Stride))]))));
        Assert.Contains("belongs to block 1", Assert.Throws<ArgumentException>(() => Space.Assemble([Block(1, 1, 24, 2), Block(1, 1, 24, 2), Block(2, 1, 32, 2), Block(3, 1, 64, 1)])).Message);
    }

    [Fact]
    public void Options_pick_the_teacher_and_a_depth_list_that_leaves_a_block_nothing_is_refused()
    {
        var resnet = DnaBlockSpace.Create(ComponentOptions.Bind<DnaBlockOptions>("""{"teacher":"resnet-small","recipe":{"epochs":2}}"""), new ComponentContext(".", ".", 0));
        Assert.Equal([16, 32, 64], resnet.Blocks.Select(b => b.OutChannels));
        var random = new Random(2);
        var samples = Enumerable.Range(0, 100).Select(_ => resnet.Sample(random)).ToList();
        var assembled = VisionCandidate.Parse(resnet.Assemble([.. Enumerable.Range(0, 3).Select(k => samples.First(c => resnet.BlockOf(c) == k))]));
        Assert.Equal(2, assembled.Recipe.Epochs);
        Assert.Equal(0, assembled.Head);

        var error = Assert.Throws<ComponentConfigurationException>(() => DnaBlockSpace.Create(new DnaBlockOptions { Depths = [0] }, new ComponentContext(".", ".", 0)));
        Assert.Equal("depths", error.OptionPath);
        Assert.Contains("Teacher block 1 changes shape", error.Message);
    }
}
