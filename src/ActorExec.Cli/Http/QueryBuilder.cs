using System.Globalization;
using System.Text;

namespace ActorExec.Cli.Http;

/// <summary>Builds <c>?a=1&amp;b=x</c>, escaping values and leaving out the parameters not given.</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder query = new();

    public QueryBuilder Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return this;
    }

    public QueryBuilder Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds an instant as ISO-8601 in UTC with a <c>Z</c>, which every parser reads the same way.</summary>
    public QueryBuilder Add(string name, DateTimeOffset? value) =>
        Add(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    public override string ToString() => query.ToString();
}
