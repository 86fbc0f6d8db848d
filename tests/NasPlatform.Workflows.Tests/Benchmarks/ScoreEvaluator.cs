using NasPlatform.Testing.Domains;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Workflows.Tests.Benchmarks;

/// <summary>Scores a LineSpace candidate as its x; throws for the x values it is told to fail on.</summary>
internal sealed class ScoreEvaluator(params int[] failOn) : IEvaluator
{
    public IReadOnlyList<Fidelity> Fidelities { get; } = [new Fidelity("full")];

    public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        var x = LineSpace.X(request.Candidate);
        if (failOn.Contains(x))
        {
            throw new InvalidOperationException($"x = {x} does not train");
        }

        return Task.FromResult(new EvaluationResult(new Dictionary<string, double> { ["score"] = x }));
    }
}
