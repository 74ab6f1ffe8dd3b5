using System.Text.Json;
using ActorExec.Venues.Http;

namespace ActorExec.Venues.Remote;

/// <summary>
/// The paper exchange's HTTP API as a <see cref="VenueHttp"/>: the exchange answers its own failures
/// with the typed <see cref="VenueError"/> itself (<see cref="PaperExchangeErrorBody"/>), so those come
/// back unchanged; anything else (a proxy, another server on the port, a transport failure) is
/// classified as every venue call's.
/// </summary>
internal static class PaperExchangeCall
{
    public static VenueHttp Http(HttpClient http, Uri address) => new("paper exchange", http, address, PaperExchangeJson.Options, errorReader: TypedError);

    private static VenueError? TypedError(VenueHttpAnswer answer)
    {
        try
        {
            return JsonSerializer.Deserialize<PaperExchangeErrorBody>(answer.Body, PaperExchangeJson.Options)?.Error;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not the exchange's error body: classified by status.
            return null;
        }
    }
}
