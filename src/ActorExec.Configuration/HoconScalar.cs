namespace ActorExec.Configuration;

/// <summary>The token a scalar came from. HOCON keeps numbers as written, so every kind carries text.</summary>
public enum HoconScalarKind
{
    /// <summary>A quoted, unquoted, multi-line or concatenated string (<c>yes</c>/<c>on</c> are strings too).</summary>
    String,
    /// <summary>A JSON number token, kept as written (<c>1e5</c> stays <c>1e5</c>).</summary>
    Number,
    /// <summary>The tokens <c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>The token <c>null</c>.</summary>
    Null,
}

/// <summary>A resolved simple value: string, number, boolean or null, with its original text.</summary>
public sealed class HoconScalar : HoconValue
{
    internal HoconScalar(HoconScalarKind kind, string text, HoconOrigin origin)
        : base(origin)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>Which token the value came from.</summary>
    public HoconScalarKind Kind { get; }

    /// <summary>The value as text: the string itself, the number as written, <c>true</c>/<c>false</c>, or <c>null</c>.</summary>
    public string Text { get; }

    /// <summary>True for the <c>null</c> token.</summary>
    public bool IsNull => Kind == HoconScalarKind.Null;

    /// <summary>The text, or null for the <c>null</c> token (how configuration stores it).</summary>
    public string? Value => IsNull ? null : Text;

    /// <inheritdoc />
    public override string ToString() => Text;

    internal override HoconValue WithOrigin(HoconOrigin origin) => new HoconScalar(Kind, Text, origin);
}
