namespace NasPlatform.Workflows.Fidelities;

/// <summary>How well one fidelity ranks candidates like the highest fidelity does.</summary>
/// <param name="Fidelity">The fidelity's name.</param>
/// <param name="Cost">Its declared cost (the highest fidelity's is usually 1).</param>
/// <param name="Evaluated">Candidates of the check with a completed trial at this fidelity.</param>
/// <param name="Compared">Candidates with completed trials at this fidelity and the highest: the pairs the correlations use.</param>
/// <param name="KendallTau">Kendall's tau-b of this fidelity's metric against the highest fidelity's; NaN when fewer than two candidates compare.</param>
/// <param name="Spearman">Spearman's rho of the same pairs.</param>
/// <param name="MeanSeconds">Mean wall-clock seconds of its completed trials; NaN when none completed.</param>
public sealed record ProxyReliability(string Fidelity, double Cost, int Evaluated, int Compared, double KendallTau, double Spearman, double MeanSeconds);

/// <summary>What <c>nas proxy-check</c> reports.</summary>
/// <param name="ExperimentName">The experiment in the store that holds the check's trials.</param>
/// <param name="StorePath">The store.</param>
/// <param name="Metric">The metric ranked (the primary objective unless chosen).</param>
/// <param name="Samples">Candidates in the check.</param>
/// <param name="Fidelities">One entry per fidelity of the evaluator, cheapest first; the last is the reference.</param>
public sealed record ProxyCheckReport(string ExperimentName, string StorePath, string Metric, int Samples, IReadOnlyList<ProxyReliability> Fidelities);
