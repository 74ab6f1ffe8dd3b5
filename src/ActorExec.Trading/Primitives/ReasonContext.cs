using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActorExec.Trading;

/// <summary>
/// The key=value facts attached to a denial: sorted by key so log lines are stable, formatted with
/// the invariant culture, and compared by content so two identical denials are equal records.
/// </summary>
public sealed class ReasonContext : IReadOnlyDictionary<string, string>, IEquatable<ReasonContext>
{
    /// <summary>A context with no entries.</summary>
    public static readonly ReasonContext Empty = new([]);

    // Wide enough for every digit a decimal can carry, without the trailing zeros a decimal's scale keeps.
    private const string DecimalFormat = "0.############################";

    // A handful of entries, sorted by key (ordinal): one small array per copy is far cheaper than a
    // tree, and contexts are built on hot paths (every risk check, every arbitrage check).
    private readonly KeyValuePair<string, string>[] _entries;

    private ReasonContext(KeyValuePair<string, string>[] entries) => _entries = entries;

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public ReasonContext With(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = IndexOf(key);
        if (index >= 0)
        {
            var replaced = (KeyValuePair<string, string>[])_entries.Clone();
            replaced[index] = new(key, value);
            return new ReasonContext(replaced);
        }
        var at = ~index;
        var grown = new KeyValuePair<string, string>[_entries.Length + 1];
        Array.Copy(_entries, grown, at);
        grown[at] = new(key, value);
        Array.Copy(_entries, at, grown, at + 1, _entries.Length - at);
        return new ReasonContext(grown);
    }

    private int IndexOf(string key) => _entries.AsSpan().BinarySearch(new KeyOrder(key));

    private readonly struct KeyOrder(string key) : IComparable<KeyValuePair<string, string>>
    {
        public int CompareTo(KeyValuePair<string, string> entry) => string.CompareOrdinal(key, entry.Key);
    }

    /// <summary>A copy with <paramref name="key"/> set to the decimal, written without trailing zeros.</summary>
    public ReasonContext With(string key, decimal value) => With(key, Text(value));

    /// <summary>A copy with <paramref name="key"/> set to the integer.</summary>
    public ReasonContext With(string key, int value) => With(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A copy with <paramref name="key"/> set to the instant in round-trip (ISO 8601) form.</summary>
    public ReasonContext With(string key, DateTimeOffset value) => With(key, value.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>A decimal as context text: invariant culture, no trailing zeros.</summary>
    public static string Text(decimal value) => value.ToString(DecimalFormat, CultureInfo.InvariantCulture);

    /// <summary>An enum value as context text: its SCREAMING_SNAKE code.</summary>
    public static string Text(Enum value) => ReasonCodes.Of(value);

    /// <inheritdoc />
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The reason context has no entry '{key}'");

    /// <inheritdoc />
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<string> Values => _entries.Select(e => e.Value);

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both contexts hold the same keys with the same values.</summary>
    public bool Equals(ReasonContext? other)
    {
        if (other is null || other.Count != Count)
            return false;
        foreach (var (key, value) in _entries)
        {
            if (!other.TryGetValue(key, out var otherValue) || !string.Equals(value, otherValue, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReasonContext);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _entries)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    /// <summary>The entries as <c>key=value</c> pairs, comma-separated, in key order.</summary>
    public override string ToString() => string.Join(", ", _entries.Select(kv => $"{kv.Key}={kv.Value}"));
}
