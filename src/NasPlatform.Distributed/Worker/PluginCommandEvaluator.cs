using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Distributed.Worker;

/// <summary>
/// The "evaluator" of a session that runs a plugin's command lines (<see cref="Contracts.SessionSetup.RunsCommandLines"/>):
/// each trial's candidate is <c>{"commandLine": [...]}</c>, run here in this process; a non-zero exit comes back as the
/// trial's error, with the command's last lines, so the coordinator can show why.
/// </summary>
internal sealed class PluginCommandEvaluator(Func<string, IReadOnlyList<string>, TextWriter, CancellationToken, Task<int>> run, string pluginId) : IEvaluator
{
    /// <summary>The one fidelity of a command-line session.</summary>
    public static readonly Fidelity Command = new("command", 1, new Dictionary<string, double>(StringComparer.Ordinal));

    private const int TailLines = 20;

    public IReadOnlyList<Fidelity> Fidelities => [Command];

    public IReadOnlyList<string> Metrics => ["exit_code"];

    public async Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = request.Candidate.ToJson()["commandLine"]?.ToObject<string[]>()
            ?? throw new ArgumentException("a command-line session's candidate has no \"commandLine\"");
        using var output = new StringWriter();
        var exit = await run(pluginId, words, output, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (exit != 0)
        {
            throw new PluginCommandExitException(exit, Tail(output.ToString()));
        }

        return new EvaluationResult(new Dictionary<string, double>(StringComparer.Ordinal) { ["exit_code"] = 0 });
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - TailLines)));
    }
}
