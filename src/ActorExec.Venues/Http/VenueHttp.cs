using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ActorExec.Venues.Http;

/// <summary>
/// One venue's JSON-over-HTTP API, answered as <see cref="VenueResult{T}"/> whatever happens on the
/// way: a transport failure is classified (refused before sending → Network, not sent; reset →
/// Network, maybe sent; no answer in time → Timeout); a non-success status goes through the venue's
/// own error reader first and is otherwise classified by status (429 → RateLimited with Retry-After,
/// 401/403 → Auth, 404 → Unavailable (it proves nothing without the venue's body), other 4xx → Rejected, 5xx → Unavailable); an answer that is not the JSON expected
/// is Unavailable (the request may have taken effect, so the caller asks again before resending) and
/// names the call, the JSON path and the start of the body. Only the caller's own cancellation throws.
/// </summary>
public sealed class VenueHttp
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IRequestSigner? _signer;
    private readonly Func<VenueHttpAnswer, VenueError?> _errorReader;
    private readonly TimeProvider _clock;

    /// <param name="venue">The venue's name, the first word of every error message.</param>
    /// <param name="http">The client; its <see cref="HttpClient.Timeout"/> is each call's limit. Stays the caller's to dispose.</param>
    /// <param name="baseAddress">The API root relative paths resolve against, ending in '/' (e.g. <c>https://api.elections.kalshi.com/trade-api/v2/</c>).</param>
    /// <param name="json">Serializer options for request and answer bodies.</param>
    /// <param name="signer">Adds authentication headers; null for public endpoints only.</param>
    /// <param name="errorReader">Turns a venue's error answer into a typed error (null: classify by status).</param>
    /// <param name="clock">Resolves a Retry-After given as a date.</param>
    public VenueHttp(string venue, HttpClient http, Uri baseAddress, JsonSerializerOptions json, IRequestSigner? signer = null, Func<VenueHttpAnswer, VenueError?>? errorReader = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(venue);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{venue}: the API address must be an absolute http:// or https:// URL, got '{baseAddress}'", nameof(baseAddress));
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        Venue = venue;
        JsonOptions = json;
        _http = http;
        _signer = signer;
        _errorReader = errorReader ?? (_ => null);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The venue's name used in messages.</summary>
    public string Venue { get; }

    /// <summary>The serializer options of request and answer bodies.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>The API root every relative path is resolved against.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Sends a request and reads the answer as <typeparamref name="T"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relative">Path and query relative to the API root (no leading slash), e.g. <c>portfolio/orders?limit=100</c>.</param>
    /// <param name="body">Serialized as JSON when not null.</param>
    /// <param name="cancellationToken">The caller's cancellation: the only thing that throws.</param>
    public async Task<VenueResult<T>> SendAsync<T>(HttpMethod method, string relative, object? body, CancellationToken cancellationToken)
    {
        var answer = await SendRawAsync(method, relative, body, cancellationToken).ConfigureAwait(false);
        return answer.TryGetValue(out var ok, out var error) ? Parse<T>(ok) : error;
    }

    /// <summary>Sends a request and returns the successful answer's raw body (for venues whose success bodies vary).</summary>
    public async Task<VenueResult<VenueHttpAnswer>> SendRawAsync(HttpMethod method, string relative, object? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relative);
        var uri = new Uri(BaseAddress, relative);
        var call = $"{method} {uri.GetLeftPart(UriPartial.Path)}";
        using var request = new HttpRequestMessage(method, uri);
        var bytes = body is null ? [] : body as byte[] ?? JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), JsonOptions);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = Json;
        }
        _signer?.Sign(request, uri.AbsolutePath, bytes);

        HttpStatusCode status;
        RetryConditionHeaderValue? retryAfter;
        byte[] content;
        try
        {
            // ResponseContentRead (the default) buffers the body, so a connection lost mid-answer surfaces here too.
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            retryAfter = response.Headers.RetryAfter;
            content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new VenueTimeout($"{Venue}: no answer to {call} within {_http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", _http.Timeout);
        }
        catch (HttpRequestException e)
        {
            return new VenueNetworkError($"{Venue}: {call} failed: {e.Message}", RequestSent: !NeverSent(e));
        }
        catch (IOException e)
        {
            return new VenueNetworkError($"{Venue}: {call} failed while reading the answer: {e.Message}");
        }

        var code = (int)status;
        var answer = new VenueHttpAnswer(call, code, Delay(retryAfter), content);
        if (code is >= 200 and < 300)
            return answer;
        return _errorReader(answer) ?? ByStatus(answer);
    }

    /// <summary>Reads a successful answer's body as <typeparamref name="T"/>; a malformed body is an Unavailable error naming what was wrong.</summary>
    public VenueResult<T> Parse<T>(VenueHttpAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            return JsonSerializer.Deserialize<T>(answer.Body, JsonOptions) is { } value
                ? value
                : Malformed(answer, $"the body is JSON null, expected {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            return Malformed(answer, $"{where.TrimStart()} {e.Message}".Trim());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // A value the JSON reader accepted but a domain constructor refused (e.g. a negative price).
            return Malformed(answer, e.Message);
        }
    }

    /// <summary>An answer that cannot be understood: the request may have taken effect, so this is Unavailable (never Rejected).</summary>
    public VenueError Malformed(VenueHttpAnswer answer, string problem)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new VenueUnavailable($"{Venue}: malformed answer to {answer.Call}: {problem} (body: {answer.Excerpt})", answer.Status);
    }

    private VenueError ByStatus(VenueHttpAnswer answer)
    {
        var message = $"{Venue}: {answer.Call} answered HTTP {answer.Status.ToString(CultureInfo.InvariantCulture)} (body: {answer.Excerpt})";
        return answer.Status switch
        {
            429 => new VenueRateLimited(message, answer.RetryAfter),
            401 or 403 => new VenueAuthFailed(message),
            // Without the venue's own error body a 404 may come from a proxy or a wrong address: it proves
            // nothing about the order, and NotFound would let recovery place it again.
            404 => new VenueUnavailable(message, answer.Status),
            >= 400 and < 500 => new VenueRejected(message, "http_" + answer.Status.ToString(CultureInfo.InvariantCulture)),
            _ => new VenueUnavailable(message, answer.Status),
        };
    }

    private TimeSpan? Delay(RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta)
            return delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - _clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>True when the connection was never established, so the request cannot have reached the venue.</summary>
    private static bool NeverSent(HttpRequestException e) => e.HttpRequestError is HttpRequestError.ConnectionError
        or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    internal static string Excerpt(byte[] body, int length)
    {
        if (body.Length == 0)
            return "empty";
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, length * 4));
        return text.Length > length ? $"'{text[..length]}…'" : $"'{text}'";
    }
}
