using System.Globalization;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>
/// Our account at the venue: the fills feed in execution order and signed positions per market and
/// outcome. No balance is checked: positions may go short.
/// </summary>
internal sealed class AccountLedger
{
    private readonly List<VenueFill> _fills = [];
    private readonly Dictionary<(MarketId Market, Outcome? Outcome), decimal> _positions = [];

    public int FillCount => _fills.Count;

    public void Record(VenueFill fill)
    {
        _fills.Add(fill);
        Adjust(fill, 1);
    }

    /// <summary>Takes fills back out of the positions (a reverted settlement); the fills stay in the feed, as venues keep them.</summary>
    public void Reverse(IReadOnlyList<VenueFill> fills)
    {
        foreach (var fill in fills)
            Adjust(fill, -1);
    }

    /// <summary>Non-zero positions, by market id then outcome.</summary>
    public IReadOnlyList<VenuePosition> Positions()
    {
        var positions = new List<VenuePosition>(_positions.Count);
        foreach (var ((market, outcome), contracts) in _positions)
        {
            if (contracts != 0)
                positions.Add(new VenuePosition(market, outcome, contracts));
        }
        positions.Sort(static (a, b) =>
        {
            var byMarket = string.CompareOrdinal(a.Market.Value, b.Market.Value);
            return byMarket != 0 ? byMarket : Nullable.Compare(a.Outcome, b.Outcome);
        });
        return positions;
    }

    /// <summary>
    /// The fills after <paramref name="cursor"/>: the cursor is the sequence number (1-based) of the
    /// last fill a page returned, as invariant text.
    /// </summary>
    public VenueResult<FillPage> Page(string? cursor, int limit)
    {
        var start = 0;
        if (cursor is not null)
        {
            if (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 1 || start > _fills.Count)
                return new VenueRejected($"paper: cursor '{cursor}' is not a cursor this venue handed out", PaperRejectCodes.InvalidCursor);
        }
        var count = Math.Min(limit, _fills.Count - start);
        if (count == 0)
            return new FillPage([], cursor);
        var page = _fills.GetRange(start, count);
        return new FillPage(page, (start + count).ToString(CultureInfo.InvariantCulture));
    }

    private void Adjust(VenueFill fill, int direction)
    {
        var key = (fill.Market, fill.Outcome);
        _positions[key] = _positions.GetValueOrDefault(key) + (direction * fill.Side.Sign() * fill.Quantity.Value);
    }
}
