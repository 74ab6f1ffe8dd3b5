using System.Globalization;

namespace ActorExec.Venues.Paper;

/// <summary>A market listed by a paper venue.</summary>
/// <param name="Market">Its id (the same id on two paper venues makes them an arbitrage pair).</param>
/// <param name="Kind">Binary (YES/NO, one book kept in YES terms) or linear (one book, no outcome).</param>
/// <param name="Anchor">
/// The fair value the liquidity provider's price walk reverts to: within (0, 1) for a binary market,
/// any price within the rules for a linear one (e.g. 3000 for a spot instrument).
/// </param>
/// <param name="Title">A human-readable name.</param>
/// <param name="Rules">Tick size, size increment and bounds; null uses the venue's default rules.</param>
/// <param name="IsOpen">False lists the market but refuses orders.</param>
public sealed record PaperMarket(MarketId Market, InstrumentKind Kind, decimal Anchor, string Title = "", InstrumentRules? Rules = null, bool IsOpen = true)
{
    /// <summary>A binary market with the venue's default rules.</summary>
    /// <exception cref="ArgumentException">The id is empty or contains whitespace.</exception>
    public static PaperMarket Binary(string id, decimal anchor) => new(new MarketId(id), InstrumentKind.Binary, anchor, id);

    /// <summary>A linear (spot or perpetual) market with its own rules.</summary>
    /// <exception cref="ArgumentException">The id is empty or contains whitespace.</exception>
    public static PaperMarket Linear(string id, decimal anchor, InstrumentRules rules) => new(new MarketId(id), InstrumentKind.Linear, anchor, id, rules);

    /// <summary>Checks the market against the rules it will trade under.</summary>
    /// <exception cref="ArgumentException">The id is missing, or the anchor or rules do not fit the kind; the message names the market and the value.</exception>
    internal void Validate(InstrumentRules defaultRules)
    {
        if (Market.Value is null)
            throw new ArgumentException("PaperMarket.Market must not be a default id", nameof(Market));
        var rules = Rules ?? defaultRules;
        var anchor = Anchor.ToString(CultureInfo.InvariantCulture);
        if (Kind == InstrumentKind.Binary)
        {
            if (Anchor is <= 0 or >= 1)
                throw new ArgumentOutOfRangeException(nameof(Anchor), Anchor, $"PaperMarket '{Market}': a binary market's Anchor must be within (0, 1), got {anchor}");
            if (rules.MaxPrice >= 1)
                throw new ArgumentException($"PaperMarket '{Market}': a binary market's Rules.MaxPrice must be below 1, got {rules.MaxPrice.ToString(CultureInfo.InvariantCulture)}", nameof(Rules));
        }
        else if (Anchor < rules.MinPrice || Anchor > rules.MaxPrice)
        {
            throw new ArgumentOutOfRangeException(nameof(Anchor), Anchor,
                $"PaperMarket '{Market}': a linear market's Anchor must be within its rules' [{rules.MinPrice.ToString(CultureInfo.InvariantCulture)}, {rules.MaxPrice.ToString(CultureInfo.InvariantCulture)}], got {anchor}");
        }
    }
}
