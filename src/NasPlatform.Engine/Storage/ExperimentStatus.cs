namespace NasPlatform.Engine.Storage;

/// <summary>Where an experiment stands, as the store records it.</summary>
public enum ExperimentStatus
{
    /// <summary>A session is running it, or one was killed before it could say otherwise.</summary>
    Running,

    /// <summary>Stopped on request (Ctrl+C) before its budget was spent; <c>nas resume</c> continues it.</summary>
    Interrupted,

    /// <summary>Its budget is spent.</summary>
    Completed,

    /// <summary>Stopped by an error (for example constraints no candidate satisfies).</summary>
    Failed,
}
