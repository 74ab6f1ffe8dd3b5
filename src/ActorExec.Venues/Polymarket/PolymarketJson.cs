using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorExec.Venues.Polymarket;

/// <summary>Serializer options of the CLOB's JSON: numbers may come as strings (prices and sizes usually do).</summary>
public static class PolymarketJson
{
    /// <summary>The options both the adapter and the test server use.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
