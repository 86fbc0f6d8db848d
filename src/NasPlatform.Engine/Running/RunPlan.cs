using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Running;

/// <summary>What a run resolves from the spec and components before it starts.</summary>
/// <param name="Objectives">The experiment's objectives.</param>
/// <param name="StrategyContext">What the strategy is created from.</param>
/// <param name="ArtifactsDirectory">Where trials' work directories go (<c>ExperimentFolders.Artifacts</c>); set once the experiment is stored.</param>
/// <param name="ResolveFidelity">Finds a fidelity by name (null: the experiment's default); throws <see cref="NasConfigurationException"/> for an unknown name.</param>
/// <param name="Journal">Where the strategy's events go; the session attaches it to the store.</param>
internal sealed record RunPlan(ObjectiveSet Objectives, StrategyContext StrategyContext, string ArtifactsDirectory, Func<string?, Fidelity> ResolveFidelity, RunJournal Journal);
