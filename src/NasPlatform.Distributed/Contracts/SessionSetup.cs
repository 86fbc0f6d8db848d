namespace NasPlatform.Distributed.Contracts;

/// <summary>
/// What a worker needs to build the evaluator of one coordinator session: the experiment's stored
/// document (as <c>nas resume</c> rebuilds it), the plugin it needs, and the lease rules.
/// </summary>
/// <param name="Experiment">The experiment's name, for messages.</param>
/// <param name="SpecDocument">The experiment file's JSON as stored.</param>
/// <param name="BaseDirectory">Where relative paths in it resolve (the same path must exist on every worker).</param>
/// <param name="Plugin">The plugin and version every worker must have.</param>
/// <param name="LeaseSeconds">A leased trial whose worker has not sent a heartbeat for this long goes back to the queue.</param>
/// <param name="RunsCommandLines">
/// A plugin command's session (<c>nas eda dataset --cluster</c>), not an experiment's: each trial's candidate is
/// <c>{"commandLine": [...]}</c>, a command line of <paramref name="Plugin"/> that the worker runs, and there is no spec document.
/// </param>
[GenerateSerializer, Immutable]
public sealed record SessionSetup(string Experiment, string SpecDocument, string BaseDirectory, PluginIdentity Plugin, double LeaseSeconds, bool RunsCommandLines = false);
