namespace ActorExec.Venues.Paper.Internal;

/// <summary>
/// An order resting in a book, ours or the liquidity provider's, in YES terms; a node of its price
/// level's FIFO queue so that removing it is O(1).
/// </summary>
internal sealed class BookOrder(long sequence, bool isBid, decimal price, decimal remaining, PaperOrder? owner)
{
    /// <summary>Time priority: lower arrived first.</summary>
    public long Sequence { get; } = sequence;

    public bool IsBid { get; } = isBid;

    /// <summary>The YES price (the linear book's price).</summary>
    public decimal Price { get; } = price;

    /// <summary>Unfilled size; kept equal to the owner's size minus its fills.</summary>
    public decimal Remaining { get; set; } = remaining;

    /// <summary>Our order, or null for the liquidity provider.</summary>
    public PaperOrder? Owner { get; } = owner;

    /// <summary>The level holding the order; null once it left the book.</summary>
    public PriceLevel? Level { get; set; }

    public BookOrder? Previous { get; set; }

    public BookOrder? Next { get; set; }

    public bool IsResting => Level is not null;
}

/// <summary>The orders resting at one price, oldest first, and their total size.</summary>
internal sealed class PriceLevel(decimal price)
{
    public decimal Price { get; } = price;

    public BookOrder? Head { get; private set; }

    public BookOrder? Tail { get; private set; }

    public decimal Total { get; private set; }

    public bool IsEmpty => Head is null;

    public void Append(BookOrder order)
    {
        order.Level = this;
        order.Previous = Tail;
        order.Next = null;
        if (Tail is null)
            Head = order;
        else
            Tail.Next = order;
        Tail = order;
        Total += order.Remaining;
    }

    public void Remove(BookOrder order)
    {
        if (order.Previous is null)
            Head = order.Next;
        else
            order.Previous.Next = order.Next;
        if (order.Next is null)
            Tail = order.Previous;
        else
            order.Next.Previous = order.Previous;
        Total -= order.Remaining;
        order.Level = null;
        order.Previous = null;
        order.Next = null;
    }

    /// <summary>Changes an order's remaining size in place, keeping its place in the queue.</summary>
    public void Resize(BookOrder order, decimal remaining)
    {
        Total += remaining - order.Remaining;
        order.Remaining = remaining;
    }
}
