namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Card answers go before card deliveries for the processor. Someone is waiting on their card for an answer; a card
/// replacement for the other recipients (or a send of the fan-out) can start a few milliseconds later without anyone
/// noticing. So the delivery worker waits while answers are being handled, at most <see cref="MaxYield"/> each time
/// (answers arriving without a pause cannot stop the deliveries): before it starts a row, and again when a row's turn at
/// the tenant's limit comes (a row already waiting for that turn when the answers arrive would otherwise send, then
/// write its outcome, on the cores the answers need). In memory only: it orders this instance's own work and holds
/// nothing that must survive a crash.
/// </summary>
public sealed class AnswerPriority
{
    /// <summary>The longest a delivery waits for answers to finish before it starts anyway.</summary>
    public static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _reads = new(2 * Environment.ProcessorCount, 2 * Environment.ProcessorCount);
    private readonly SemaphoreSlim _preparing = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly InFlight _answering = new();

    /// <summary>Answers being handled now.</summary>
    public int Answering => _answering.Count;

    /// <summary>Marks an answer as being handled until the result is disposed.</summary>
    public Lease Begin()
    {
        _answering.Enter();
        return new Lease(_answering.Leave);
    }

    /// <summary>
    /// Enters one of the answers' read slots (twice the processor count); dispose the result to leave. When a hundred
    /// people press at once, their reads run a few at a time instead of a hundred interleaved: the first answers are
    /// done sooner, and PostgreSQL runs a few queries at once instead of a hundred backends on the same cores.
    /// </summary>
    public async Task<ReadSlot> EnterReadAsync(CancellationToken cancellationToken)
    {
        await _reads.WaitAsync(cancellationToken);
        return new ReadSlot(_reads);
    }

    /// <summary>
    /// Enters one of the delivery worker's preparation slots (the processor count): a row reads what its card needs
    /// holding one, and leaves it before its first connector call (dispose the result; a second dispose does nothing).
    /// Rows held back by answers are all released when the answers are done; without the slots, dozens would then read
    /// the database at once, just when the next answers arrive (a stampede the PostgreSQL figures showed).
    /// </summary>
    public async Task<Lease> EnterPreparingAsync(CancellationToken cancellationToken)
    {
        await _preparing.WaitAsync(cancellationToken);
        return new Lease(() => _preparing.Release());
    }

    /// <summary>Completes when no answer is being handled, or after <paramref name="maxWait"/>, whichever comes first.</summary>
    public async Task WhenQuietAsync(TimeSpan maxWait, TimeProvider time, CancellationToken cancellationToken)
    {
        var quiet = _answering.Idle;
        if (quiet.IsCompleted)
        {
            return;
        }

        try
        {
            await quiet.WaitAsync(maxWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Answers kept arriving: the delivery goes now.
        }
    }

    /// <summary>Leaves the read slot when disposed.</summary>
    public readonly struct ReadSlot(SemaphoreSlim reads) : IDisposable
    {
        public void Dispose() => reads.Release();
    }

    /// <summary>Ends what it was given for (an answer's priority, a preparation slot) when disposed, once.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly Action _leave;
        private int _left;

        internal Lease(Action leave) => _leave = leave;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                _leave();
            }
        }
    }
}
