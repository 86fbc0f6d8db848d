using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Running;

/// <summary>Hands what a strategy says it is doing to the run's observer (the live display).</summary>
internal sealed class ObservedStrategyStatus(IRunObserver observer) : IStrategyStatus
{
    public void Report(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        observer.StrategyStatus(message);
    }
}
