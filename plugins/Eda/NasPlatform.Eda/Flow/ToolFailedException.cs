namespace NasPlatform.Eda.Flow;

/// <summary>A flow step whose tool failed, timed out or left no result: carries the run for the record.</summary>
public sealed class ToolFailedException(string step, ToolRun? run, string message) : Exception(message)
{
    public string Step { get; } = step;

    public ToolRun? Run { get; } = run;
}
