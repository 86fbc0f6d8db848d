using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;

namespace HelloPlugin;

/// <summary>
/// Scores a row of digits by how close it is to a target row: score = 1 - sum|d - t| / (9 n).
/// The score is 1 exactly at the target and falls off smoothly, so better strategies find it in
/// fewer trials. The "quick" fidelity only looks at the first half of the positions: cheaper,
/// and a good but imperfect predictor of the full score.
/// </summary>
public sealed class TargetEvaluator : IEvaluator
{
    private readonly int[] _target;
    private readonly int _delayMilliseconds;

    public TargetEvaluator(string target, int delayMilliseconds)
    {
        if (string.IsNullOrEmpty(target) || !target.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Target '{target}' must be a non-empty string of digits.", nameof(target));
        }

        _target = target.Select(c => c - '0').ToArray();
        _delayMilliseconds = delayMilliseconds;
        Fidelities =
        [
            new Fidelity("quick", 0.5, new Dictionary<string, double> { ["positions"] = (_target.Length + 1) / 2 }),
            new Fidelity("full", 1.0, new Dictionary<string, double> { ["positions"] = _target.Length }),
        ];
    }

    public IReadOnlyList<Fidelity> Fidelities { get; }

    /// <summary>Declared ahead: an experiment naming another metric is refused before anything runs.</summary>
    public IReadOnlyList<string> Metrics { get; } = ["score", "distance", "matches"];

    /// <summary>
    /// The factory the plugin registers. The host has already checked the options against the schema
    /// generated from <see cref="TargetOptions"/>; what a schema cannot say (exactly one of two options, a file
    /// that must exist and hold digits) is reported with <see cref="ComponentConfigurationException"/>,
    /// which the host turns into an error naming the option's place in the experiment file.
    /// </summary>
    public static TargetEvaluator Create(TargetOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var (target, targetFile, delay) = (options.Target, options.TargetFile, options.DelayMilliseconds);
        if ((target is null) == (targetFile is null))
        {
            throw new ComponentConfigurationException(target is null ? string.Empty : "targetFile", "set exactly one of 'target' (the digits) and 'targetFile' (a file holding them).");
        }

        if (targetFile is not null)
        {
            var path = context.ResolvePath(targetFile);
            if (!File.Exists(path))
            {
                throw new ComponentConfigurationException("targetFile", $"file {path} does not exist; write the target digits into it or fix the path (relative paths start at the experiment file's folder).");
            }

            target = File.ReadAllText(path).Trim();
            if (target.Length is 0 or > 32 || !target.All(char.IsAsciiDigit))
            {
                throw new ComponentConfigurationException("targetFile", $"file {path} must hold 1 to 32 digits and nothing else.");
            }
        }

        return new TargetEvaluator(target!, delay);
    }

    public async Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        // A length mismatch means the experiment's space and target disagree; the message says which to change.
        var digits = Digits.Read(request.Candidate, _target.Length, $"the evaluator's target '{string.Concat(_target)}'");
        var fidelity = Fidelities.FirstOrDefault(f => f.Name == request.Fidelity.Name)
            ?? throw new ArgumentException($"Unknown fidelity '{request.Fidelity.Name}'; this evaluator offers {string.Join(", ", Fidelities.Select(f => f.Name))}.");
        var positions = (int)fidelity.Settings["positions"];
        var stepDelay = TimeSpan.FromMilliseconds(_delayMilliseconds * fidelity.Cost / positions);

        var distance = 0;
        var matches = 0;
        for (var i = 0; i < positions; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stepDelay > TimeSpan.Zero)
            {
                await Task.Delay(stepDelay, cancellationToken).ConfigureAwait(false);
            }

            distance += Math.Abs(digits[i] - _target[i]);
            matches += digits[i] == _target[i] ? 1 : 0;
            // The score over the positions compared so far, at step i + 1: stored by the host and drawn as a learning curve.
            var scoreSoFar = 1.0 - (distance / (9.0 * (i + 1)));
            progress.Report(new EvaluationProgress((i + 1.0) / positions, $"position {i + 1}/{positions}", new Dictionary<string, double> { ["score"] = scoreSoFar, ["distance"] = distance })
            {
                Step = i + 1,
            });
        }

        return new EvaluationResult(new Dictionary<string, double>
        {
            ["score"] = 1.0 - distance / (9.0 * positions),
            ["distance"] = distance,
            ["matches"] = matches,
        });
    }
}
