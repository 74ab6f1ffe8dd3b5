using System.Globalization;
using System.Text.Json;
using ActorExec.Venues.Remote;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Node.Exchange;

/// <summary>Reads what a request carries (body, ids in the path, query values), or says which field is wrong.</summary>
internal static class ExchangeRequests
{
    /// <summary>The body as <typeparamref name="T"/>, or a 400 answer naming the field that is wrong.</summary>
    public static async Task<(T? Value, IResult? Problem)> BodyAsync<T>(HttpRequest request, string what) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, PaperExchangeJson.Options, request.HttpContext.RequestAborted);
            return value is null ? (null, ExchangeAnswers.BadRequest($"request body: expected {what}, got JSON null")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" {path}" : "";
            return (null, ExchangeAnswers.BadRequest($"request body{where}: {e.Message}"));
        }
        catch (ArgumentException e)
        {
            // A domain constructor refused a value the reader accepted; its message names the field.
            return (null, ExchangeAnswers.BadRequest($"request body: {e.Message}"));
        }
    }

    /// <summary>An id from the path, or a 400 answer naming the route parameter.</summary>
    public static (T Value, IResult? Problem) Id<T>(string text, string parameter, Func<string, T> create)
    {
        try
        {
            return (create(text), null);
        }
        catch (ArgumentException e)
        {
            return (default!, ExchangeAnswers.BadRequest($"{parameter}: {e.Message}"));
        }
    }

    /// <summary>A required whole number from the query, or a 400 answer naming it.</summary>
    public static (int Value, IResult? Problem) QueryInt(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
            return (0, ExchangeAnswers.BadRequest($"query parameter '{name}' is missing; expected a whole number"));
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (0, ExchangeAnswers.BadRequest($"query parameter '{name}': expected a whole number, got '{text}'"));
    }

    /// <summary>An optional text from the query (null when absent).</summary>
    public static string? Query(HttpRequest request, string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
