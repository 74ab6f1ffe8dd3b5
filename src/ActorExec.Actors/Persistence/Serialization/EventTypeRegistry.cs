using System.Collections.Concurrent;

namespace ActorExec.Actors.Persistence.Serialization;

/// <summary>
/// Maps event and snapshot types to stable manifest names (e.g. <c>order-placed.v1</c>). Stored
/// history names manifests, never CLR type names, so classes can be renamed or moved freely; a
/// changed shape gets a new manifest instead of silently reinterpreting old payloads.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<Type, string> _manifests = new();
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>.</summary>
    /// <exception cref="ArgumentException">The manifest or the type is already registered differently, or the manifest is blank.</exception>
    public EventTypeRegistry Register<T>(string manifest) => Register(typeof(T), manifest);

    /// <summary>Registers <paramref name="type"/> under <paramref name="manifest"/>.</summary>
    /// <exception cref="ArgumentException">The manifest or the type is already registered differently, or the manifest is blank.</exception>
    public EventTypeRegistry Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrWhiteSpace(manifest) || manifest.Any(char.IsWhiteSpace))
            throw new ArgumentException($"Manifest '{manifest}' for {type.Name} must be non-empty and contain no whitespace", nameof(manifest));
        if (_types.TryGetValue(manifest, out var existingType) && existingType != type)
            throw new ArgumentException($"Manifest '{manifest}' is already registered for {existingType.FullName}; {type.FullName} needs another", nameof(manifest));
        if (_manifests.TryGetValue(type, out var existingManifest) && existingManifest != manifest)
            throw new ArgumentException($"{type.FullName} is already registered as '{existingManifest}'", nameof(type));
        _types[manifest] = type;
        _manifests[type] = manifest;
        return this;
    }

    /// <summary>The manifest of <paramref name="type"/>, if registered.</summary>
    public bool TryGetManifest(Type type, out string manifest) => _manifests.TryGetValue(type, out manifest!);

    /// <summary>The type registered under <paramref name="manifest"/>, if any.</summary>
    public bool TryGetType(string manifest, out Type type) => _types.TryGetValue(manifest, out type!);

    /// <summary>Every registered manifest and its type.</summary>
    public IReadOnlyDictionary<string, Type> Registrations => _types;
}
