using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Distributed.Contracts;

namespace NasPlatform.Distributed.Worker;

/// <summary>A session's evaluator as this worker built it, or why it cannot take the session's trials.</summary>
internal sealed record SessionEvaluator(SessionSetup Setup, IEvaluator? Evaluator, string? Refusal);
