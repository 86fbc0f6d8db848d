namespace NasPlatform.Abstractions.Search;

/// <summary>
/// Where a strategy says what it is doing while no trial of its own is starting: a slow step between
/// trials (refitting a predictor, screening candidates on it) that would otherwise leave a live display
/// frozen with no word of why. The message is for people, not for the record (that is
/// <see cref="IStrategyJournal"/>); a display shows the latest one until the next trial starts.
/// </summary>
public interface IStrategyStatus
{
    /// <summary>A status that shows nothing: the default when nobody displays the run.</summary>
    static IStrategyStatus None { get; } = new NoStatus();

    /// <summary>Says what the strategy is doing now, in a short phrase ("refitting the predictor on 40 trials"). May be called from any thread.</summary>
    void Report(string message);

    private sealed class NoStatus : IStrategyStatus
    {
        public void Report(string message)
        {
            // Nobody shows it.
        }
    }
}
