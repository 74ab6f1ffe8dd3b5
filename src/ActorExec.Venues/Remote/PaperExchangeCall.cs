using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ActorExec.Venues.Remote;

/// <summary>
/// One HTTP call to the paper exchange, answered as a <see cref="VenueResult{T}"/> whatever happens on
/// the way: the exchange's typed error comes back as the same <see cref="VenueError"/>; a transport
/// failure is classified (refused or reset → Network, no answer in time → Timeout, 5xx → Unavailable);
/// an answer that is not the JSON expected is an Unavailable error naming what was malformed. Only
/// the caller's own cancellation throws (<see cref="OperationCanceledException"/>), as with every adapter.
/// </summary>
internal static class PaperExchangeCall
{
    private const int BodyExcerpt = 200;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<VenueResult<T>> SendAsync<T>(HttpClient http, HttpMethod method, Uri uri, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), PaperExchangeJson.Options));
            request.Content.Headers.ContentType = Json;
        }
        var call = $"{method} {uri}";
        HttpStatusCode status;
        TimeSpan? retryAfter;
        byte[] answer;
        try
        {
            // The default completion (ResponseContentRead) buffers the body, so a connection lost
            // mid-answer surfaces here as well.
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.Delta;
            answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: the request may have been processed.
            return new VenueTimeout($"paper exchange: no answer to {call} within {http.Timeout}", http.Timeout);
        }
        catch (HttpRequestException e)
        {
            return new VenueNetworkError($"paper exchange: {call} failed: {e.Message}", RequestSent: !NeverSent(e));
        }
        catch (IOException e)
        {
            return new VenueNetworkError($"paper exchange: {call} failed while reading the answer: {e.Message}");
        }

        var code = (int)status;
        return code is >= 200 and < 300 ? Parse<T>(call, code, answer) : Failure(call, code, retryAfter, answer);
    }

    /// <summary>True when the connection was never established, so the request cannot have reached the exchange.</summary>
    private static bool NeverSent(HttpRequestException e) => e.HttpRequestError is HttpRequestError.ConnectionError
        or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static VenueResult<T> Parse<T>(string call, int status, byte[] answer)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(answer, PaperExchangeJson.Options) is { } value
                ? value
                : new VenueUnavailable($"paper exchange: malformed answer to {call}: the body is JSON null, expected {typeof(T).Name}", status);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            return new VenueUnavailable($"paper exchange: malformed answer to {call}{where}: {e.Message} (body: {Excerpt(answer)})", status);
        }
        catch (ArgumentException e)
        {
            // A value the JSON reader accepted but a domain constructor refused (e.g. a negative tick size).
            return new VenueUnavailable($"paper exchange: malformed answer to {call}: {e.Message} (body: {Excerpt(answer)})", status);
        }
    }

    /// <summary>The exchange's typed error when the body carries one; otherwise an error chosen by the HTTP status.</summary>
    private static VenueError Failure(string call, int status, TimeSpan? retryAfter, byte[] answer)
    {
        try
        {
            if (JsonSerializer.Deserialize<PaperExchangeErrorBody>(answer, PaperExchangeJson.Options) is { } typed)
                return typed.Error;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not the exchange's error body (a proxy, another server on the port): classified by status below.
        }
        var message = $"paper exchange: {call} answered HTTP {status} without a venue error (body: {Excerpt(answer)})";
        return status switch
        {
            429 => new VenueRateLimited(message, retryAfter),
            401 or 403 => new VenueAuthFailed(message),
            >= 400 and < 500 => new VenueRejected(message, "http_" + status.ToString(CultureInfo.InvariantCulture)),
            _ => new VenueUnavailable(message, status),
        };
    }

    private static string Excerpt(byte[] answer)
    {
        if (answer.Length == 0)
            return "empty";
        var text = System.Text.Encoding.UTF8.GetString(answer, 0, Math.Min(answer.Length, BodyExcerpt * 4));
        return text.Length > BodyExcerpt ? $"'{text[..BodyExcerpt]}…'" : $"'{text}'";
    }
}
