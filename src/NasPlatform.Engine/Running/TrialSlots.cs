using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// The scheduling of one session: the trials waiting for a worker, the evaluations in flight and
/// the dispatcher slot each one holds. Slots are handed out lowest first, so with one worker the
/// order of evaluations is fixed.
/// </summary>
internal sealed class TrialSlots
{
    private readonly Queue<TrialRecord> _pending = new();
    private readonly Dictionary<Task<TrialResult>, int> _running = [];
    private readonly SortedSet<int> _free;

    /// <param name="slots">How many evaluations the dispatcher runs at once.</param>
    public TrialSlots(int slots)
    {
        _free = new SortedSet<int>(Enumerable.Range(0, slots));
    }

    /// <summary>True while a slot is free.</summary>
    public bool HasFreeSlot => _free.Count > 0;

    /// <summary>The evaluations in flight.</summary>
    public IReadOnlyCollection<Task<TrialResult>> Running => _running.Keys;

    /// <summary>Evaluations stopped by the cancellation in this session; their trials go back to pending when it ends.</summary>
    public int Interrupted { get; private set; }

    /// <summary>The next trial left pending by an earlier session, if any.</summary>
    public TrialRecord? NextPending => _pending.Count > 0 ? _pending.Peek() : null;

    /// <summary>Queues a trial recorded by an earlier session; such trials start before new proposals.</summary>
    public void Enqueue(TrialRecord pending) => _pending.Enqueue(pending);

    /// <summary>Takes the trial <see cref="NextPending"/> showed.</summary>
    public TrialRecord Dequeue() => _pending.Dequeue();

    /// <summary>Takes the lowest free slot.</summary>
    public int TakeSlot()
    {
        var slot = _free.Min;
        _free.Remove(slot);
        return slot;
    }

    /// <summary>Holds <paramref name="slot"/> until <paramref name="evaluation"/> is done.</summary>
    public void Started(Task<TrialResult> evaluation, int slot) => _running.Add(evaluation, slot);

    /// <summary>Frees the slot of a finished evaluation.</summary>
    public void Done(Task<TrialResult> evaluation)
    {
        _free.Add(_running[evaluation]);
        _running.Remove(evaluation);
    }

    /// <summary>Counts an evaluation the cancellation stopped.</summary>
    public void Interrupt() => Interrupted++;
}
