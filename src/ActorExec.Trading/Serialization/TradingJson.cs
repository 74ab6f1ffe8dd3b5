using System.Text.Json.Serialization;

namespace ActorExec.Trading.Serialization;

/// <summary>
/// The JSON form of the trading primitives, shared by the journal and the paper exchange's wire: ids
/// as strings, prices and quantities as numbers, each validated by its constructor when read.
/// </summary>
public static class TradingJson
{
    /// <summary>Adds a converter for every id type and for <see cref="Price"/> and <see cref="Quantity"/>.</summary>
    public static void AddConverters(IList<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Add(new StringValueConverter<VenueId>(v => new VenueId(v), v => v.Value));
        converters.Add(new StringValueConverter<MarketId>(v => new MarketId(v), v => v.Value));
        converters.Add(new StringValueConverter<OrderId>(v => new OrderId(v), v => v.Value));
        converters.Add(new StringValueConverter<ClientOrderId>(v => new ClientOrderId(v), v => v.Value));
        converters.Add(new StringValueConverter<VenueOrderId>(v => new VenueOrderId(v), v => v.Value));
        converters.Add(new StringValueConverter<FillId>(v => new FillId(v), v => v.Value));
        converters.Add(new DecimalValueConverter<Price>(v => new Price(v), v => v.Value));
        converters.Add(new DecimalValueConverter<Quantity>(v => new Quantity(v), v => v.Value));
    }
}
