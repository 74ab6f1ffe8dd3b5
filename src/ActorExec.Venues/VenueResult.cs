using System.Diagnostics.CodeAnalysis;

namespace ActorExec.Venues;

/// <summary>The outcome of a venue call: a value or a typed <see cref="VenueError"/>, never both.</summary>
public readonly struct VenueResult<T>
{
    private readonly T? _value;

    private VenueResult(T? value, VenueError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, when the call failed.</summary>
    public VenueError? Error { get; }

    /// <summary>True when the call succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value of a successful call.</summary>
    /// <exception cref="InvalidOperationException">The call failed; the message carries the venue error.</exception>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"The venue call failed: {Error}");

    /// <summary>A successful result.</summary>
    public static VenueResult<T> Success(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static VenueResult<T> Failure(VenueError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Wraps a value.</summary>
    public static implicit operator VenueResult<T>(T value) => Success(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator VenueResult<T>(VenueError error) => Failure(error);

    /// <summary>The value, or false with the error.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value, [MaybeNullWhen(true)] out VenueError error)
    {
        value = _value;
        error = Error;
        return Error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Error is null ? $"Success({_value})" : $"Failure({Error})";
}
