using System.Globalization;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;

namespace HelloPlugin;

/// <summary>`nas hello sample --length 4 --count 3 --seed 1`: prints sampled rows of digits with their free statistics.</summary>
internal static class SampleCommand
{
    public static PluginCommand Declaration { get; } = new(
        "hello",
        "sample",
        "Print candidates sampled from the digits space, one JSON line each, with their free statistics.",
        [],
        [
            new("length", "N", "Digits per row. Default 4."),
            new("count", "N", "Candidates to print. Default 3."),
            new("seed", "N", "Seed of the sampler. Default 0."),
        ],
        ["hello sample --length 6 --count 2 --seed 1"],
        Run);

    private static Task<int> Run(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var length = Whole(command, "length", 4);
        if (length is < 1 or > 12)
            throw new NasConfigurationException($"--length {length}: give 1 to 12 digits.");
        var space = new DigitSpace(length);
        var rng = new Random(Whole(command, "seed", 0));
        for (var i = 0; i < Whole(command, "count", 3); i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = space.Sample(rng);
            var statistics = string.Join(", ", space.FreeStatistics(candidate).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value}")));
            command.Output.WriteLine($"{candidate.Json}  ({statistics})");
        }

        return Task.FromResult(0);
    }

    private static int Whole(PluginCommandInvocation command, string option, int fallback) =>
        command.Value(option) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : throw new NasConfigurationException($"--{option} {text}: not a whole number.");
}
