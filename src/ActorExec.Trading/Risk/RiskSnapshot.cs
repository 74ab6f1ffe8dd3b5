using System.Collections.Immutable;
using System.Globalization;

namespace ActorExec.Trading.Risk;

/// <summary>
/// What the risk policy knows about the account at the moment of a check: trading state, signed
/// positions per market (+ long, − short, in contracts), today's P&amp;L and the error streak. A copy
/// is taken, so later changes to the caller's collections do not leak into the snapshot.
/// </summary>
/// <remarks>
/// Deliberately independent of the Positions module: the engine maps whatever it tracks (venues,
/// outcomes) onto one signed exposure per market before asking for a check.
/// </remarks>
public sealed record RiskSnapshot
{
    /// <summary>Creates a snapshot; markets with a zero position may be included or omitted.</summary>
    /// <param name="state">The trading state.</param>
    /// <param name="positions">Signed contracts per market; each market at most once.</param>
    /// <param name="dailyPnl">Today's profit (positive) or loss (negative) so far, in quote currency.</param>
    /// <param name="consecutiveErrors">Execution errors since the last success.</param>
    /// <exception cref="ArgumentException">A market id is default or appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The state is undefined or the error count is negative.</exception>
    public RiskSnapshot(TradingState state, IEnumerable<KeyValuePair<MarketId, decimal>> positions, decimal dailyPnl, int consecutiveErrors)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (!Enum.IsDefined(state))
            throw new ArgumentOutOfRangeException(nameof(state), state, $"{nameof(TradingState)} {(int)state} is not a defined state");
        if (consecutiveErrors < 0)
            throw new ArgumentOutOfRangeException(nameof(consecutiveErrors), consecutiveErrors, $"consecutiveErrors must not be negative, got {consecutiveErrors}");

        var builder = ImmutableDictionary.CreateBuilder<MarketId, decimal>();
        foreach (var (market, contracts) in positions)
        {
            if (market.Value is null)
                throw new ArgumentException("positions contains a default(MarketId)", nameof(positions));
            if (builder.ContainsKey(market))
                throw new ArgumentException($"positions contains market '{market}' twice", nameof(positions));
            if (contracts != 0)
                builder.Add(market, contracts);
        }

        State = state;
        _positions = builder.ToImmutable();
        DailyPnl = dailyPnl;
        ConsecutiveErrors = consecutiveErrors;
        TotalAbsolutePosition = _positions.Values.Sum(Math.Abs);
    }

    // The derivations below share the position map, so a caller that keeps a snapshot current pays
    // O(log markets) per change instead of rebuilding it from every position.
    private RiskSnapshot(TradingState state, ImmutableDictionary<MarketId, decimal> positions, decimal total, decimal dailyPnl, int consecutiveErrors)
    {
        State = state;
        _positions = positions;
        TotalAbsolutePosition = total;
        DailyPnl = dailyPnl;
        ConsecutiveErrors = consecutiveErrors;
    }

    private readonly ImmutableDictionary<MarketId, decimal> _positions;

    /// <summary>A flat, active account: no positions, no P&amp;L, no errors.</summary>
    public static RiskSnapshot Flat { get; } = new(TradingState.Active, [], 0m, 0);

    /// <summary>The trading state.</summary>
    public TradingState State { get; }

    /// <summary>Signed contracts per market; markets absent here are flat.</summary>
    public IReadOnlyDictionary<MarketId, decimal> Positions => _positions;

    /// <summary>Today's profit (positive) or loss (negative), in quote currency.</summary>
    public decimal DailyPnl { get; }

    /// <summary>Today's loss as a non-negative amount: zero while the day is profitable.</summary>
    public decimal DailyLoss => Math.Max(0m, -DailyPnl);

    /// <summary>Execution errors since the last success.</summary>
    public int ConsecutiveErrors { get; }

    /// <summary>The sum of absolute positions over all markets.</summary>
    public decimal TotalAbsolutePosition { get; }

    /// <summary>The signed position in <paramref name="market"/>; zero when flat.</summary>
    public decimal PositionOf(MarketId market) => _positions.TryGetValue(market, out var contracts) ? contracts : 0m;

    /// <summary>A copy in another trading state.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The state is undefined.</exception>
    public RiskSnapshot WithState(TradingState state)
        => Enum.IsDefined(state)
            ? new(state, _positions, TotalAbsolutePosition, DailyPnl, ConsecutiveErrors)
            : throw new ArgumentOutOfRangeException(nameof(state), state, $"{nameof(TradingState)} {(int)state} is not a defined state");

    /// <summary>A copy whose position in <paramref name="market"/> is <paramref name="contracts"/> (zero: flat).</summary>
    /// <exception cref="ArgumentException">The market id is default.</exception>
    public RiskSnapshot WithPosition(MarketId market, decimal contracts)
    {
        if (market.Value is null)
            throw new ArgumentException("a position needs a market id, got default(MarketId)", nameof(market));
        var total = TotalAbsolutePosition - Math.Abs(PositionOf(market)) + Math.Abs(contracts);
        var positions = contracts == 0 ? _positions.Remove(market) : _positions.SetItem(market, contracts);
        return new(State, positions, total, DailyPnl, ConsecutiveErrors);
    }

    /// <summary>A copy with today's P&amp;L set to <paramref name="dailyPnl"/>.</summary>
    public RiskSnapshot WithDailyPnl(decimal dailyPnl) => new(State, _positions, TotalAbsolutePosition, dailyPnl, ConsecutiveErrors);

    /// <summary>A copy with the error streak set to <paramref name="consecutiveErrors"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public RiskSnapshot WithConsecutiveErrors(int consecutiveErrors)
        => consecutiveErrors >= 0
            ? new(State, _positions, TotalAbsolutePosition, DailyPnl, consecutiveErrors)
            : throw new ArgumentOutOfRangeException(nameof(consecutiveErrors), consecutiveErrors, $"consecutiveErrors must not be negative, got {consecutiveErrors}");

    /// <inheritdoc />
    public override string ToString()
        => $"RiskSnapshot {{ State = {State}, Positions = {Positions.Count} markets / {TotalAbsolutePosition.ToString(CultureInfo.InvariantCulture)} contracts, DailyPnl = {DailyPnl.ToString(CultureInfo.InvariantCulture)}, ConsecutiveErrors = {ConsecutiveErrors} }}";
}
