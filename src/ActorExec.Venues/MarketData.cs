using ActorExec.Trading.Slippage;

namespace ActorExec.Venues;

/// <summary>The kinds of instrument a venue lists.</summary>
public enum InstrumentKind
{
    /// <summary>A binary contract paying 1 if its outcome happens: YES and NO, prices within (0, 1).</summary>
    Binary,
    /// <summary>A linear instrument (spot or perpetual): one book, any positive price, no outcome.</summary>
    Linear,
}

/// <summary>A market listed by a venue.</summary>
/// <param name="Market">Its id.</param>
/// <param name="Kind">Binary or linear.</param>
/// <param name="Rules">Tick size, size increment and bounds.</param>
/// <param name="Title">A human-readable name.</param>
/// <param name="IsOpen">True while it accepts orders.</param>
public sealed record VenueMarket(MarketId Market, InstrumentKind Kind, InstrumentRules Rules, string Title, bool IsOpen);

/// <summary>
/// The book of one market, best level first on every side. Binary markets fill all four sides (a NO
/// ask at p is a YES bid at 1 − p); linear markets fill only the YES sides (their single book).
/// </summary>
/// <param name="Market">The market.</param>
/// <param name="Kind">Binary or linear.</param>
/// <param name="YesBids">Bids for YES (or the linear book's bids), best (highest) first.</param>
/// <param name="YesAsks">Asks for YES (or the linear book's asks), best (lowest) first.</param>
/// <param name="NoBids">Bids for NO, best first; empty for linear markets.</param>
/// <param name="NoAsks">Asks for NO, best first; empty for linear markets.</param>
/// <param name="At">When the snapshot was taken.</param>
public sealed record MarketBook(
    MarketId Market,
    InstrumentKind Kind,
    IReadOnlyList<BookLevel> YesBids,
    IReadOnlyList<BookLevel> YesAsks,
    IReadOnlyList<BookLevel> NoBids,
    IReadOnlyList<BookLevel> NoAsks,
    DateTimeOffset At)
{
    /// <summary>The best ask for an outcome (the linear book's best ask when <paramref name="outcome"/> is null).</summary>
    public BookLevel? BestAsk(Outcome? outcome = Outcome.Yes)
        => (outcome == Outcome.No ? NoAsks : YesAsks) is { Count: > 0 } asks ? asks[0] : null;

    /// <summary>The best bid for an outcome (the linear book's best bid when <paramref name="outcome"/> is null).</summary>
    public BookLevel? BestBid(Outcome? outcome = Outcome.Yes)
        => (outcome == Outcome.No ? NoBids : YesBids) is { Count: > 0 } bids ? bids[0] : null;
}
