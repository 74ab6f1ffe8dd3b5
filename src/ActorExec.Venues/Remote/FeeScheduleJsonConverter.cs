using System.Text.Json;
using System.Text.Json.Serialization;
using ActorExec.Trading.Execution;

namespace ActorExec.Venues.Remote;

/// <summary>
/// Writes a <see cref="FeeSchedule"/> as its model's name and parameter:
/// <c>{"model":"KalshiStyle","rate":0.07}</c>, <c>{"model":"ProportionalToNotional","rate":0.002}</c>,
/// <c>{"model":"FlatPerContract","amountPerContract":0}</c>.
/// </summary>
internal sealed class FeeScheduleJsonConverter : JsonConverter<FeeSchedule>
{
    private const string Model = "model";
    private const string Rate = "rate";
    private const string AmountPerContract = "amountPerContract";

    public override FeeSchedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var json = document.RootElement;
        if (json.ValueKind != JsonValueKind.Object)
            throw new JsonException($"a fee schedule must be a JSON object, got {json.ValueKind}");
        var model = WireFields.RequiredString(json, Model, "fee schedule");
        try
        {
            return model switch
            {
                nameof(FeeSchedule.KalshiStyle) => new FeeSchedule.KalshiStyle(WireFields.RequiredDecimal(json, Rate, "fee schedule")),
                nameof(FeeSchedule.ProportionalToNotional) => new FeeSchedule.ProportionalToNotional(WireFields.RequiredDecimal(json, Rate, "fee schedule")),
                nameof(FeeSchedule.FlatPerContract) => new FeeSchedule.FlatPerContract(WireFields.RequiredDecimal(json, AmountPerContract, "fee schedule")),
                _ => throw new JsonException($"fee schedule model '{model}' is unknown; expected KalshiStyle, ProportionalToNotional or FlatPerContract"),
            };
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"invalid {model} fee schedule: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, FeeSchedule value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case FeeSchedule.KalshiStyle kalshi:
                writer.WriteString(Model, nameof(FeeSchedule.KalshiStyle));
                writer.WriteNumber(Rate, kalshi.Rate);
                break;
            case FeeSchedule.ProportionalToNotional proportional:
                writer.WriteString(Model, nameof(FeeSchedule.ProportionalToNotional));
                writer.WriteNumber(Rate, proportional.Rate);
                break;
            case FeeSchedule.FlatPerContract flat:
                writer.WriteString(Model, nameof(FeeSchedule.FlatPerContract));
                writer.WriteNumber(AmountPerContract, flat.AmountPerContract);
                break;
            default:
                // FeeSchedule's constructor is private: these three are all the models there are.
                throw new JsonException($"fee schedule {value.GetType().Name} has no wire form");
        }
        writer.WriteEndObject();
    }
}
