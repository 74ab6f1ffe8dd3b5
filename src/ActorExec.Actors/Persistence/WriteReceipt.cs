namespace ActorExec.Actors.Persistence;

/// <summary>
/// A fact the journal records in the same transaction as the writes a message causes, for instance
/// "the inbox of shard 17 is consumed up to row 1042": either both are stored or neither, so a
/// durably delivered message takes effect exactly once.
/// </summary>
public abstract record WriteReceipt
{
    /// <summary>Says what the receipt records, for errors and logs.</summary>
    public abstract string Describe();
}

/// <summary>What became of a <see cref="ReceiptedMessage"/>'s receipt.</summary>
public enum ReceiptOutcome
{
    /// <summary>The message caused a write, stored together with the receipt.</summary>
    Stored,

    /// <summary>The message caused no write (or only writes the journal refused before storing): the deliverer records the receipt itself.</summary>
    NoWrite,

    /// <summary>The write failed (the actor stops): nothing was stored, so the message must be delivered again.</summary>
    Failed,
}

/// <summary>
/// A message delivered from durable storage with the <see cref="WriteReceipt"/> to store alongside the
/// first journal write it causes. A persistent actor unwraps it (its handlers see <see cref="Message"/>)
/// and settles <see cref="Settled"/>; other actors see the wrapper and may forward it.
/// </summary>
public sealed class ReceiptedMessage(object message, WriteReceipt receipt)
{
    private readonly TaskCompletionSource<ReceiptOutcome> _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The message itself.</summary>
    public object Message { get; } = message ?? throw new ArgumentNullException(nameof(message));

    /// <summary>What to record with the write the message causes.</summary>
    public WriteReceipt Receipt { get; } = receipt ?? throw new ArgumentNullException(nameof(receipt));

    /// <summary>Completes when the receiving persistent actor knows what became of the receipt.</summary>
    public Task<ReceiptOutcome> Settled => _settled.Task;

    /// <summary>Settles the receipt; only the first call counts.</summary>
    public void Settle(ReceiptOutcome outcome) => _settled.TrySetResult(outcome);

    /// <inheritdoc />
    public override string ToString() => $"{Message} (receipt: {Receipt.Describe()})";
}
