namespace ActorExec.Configuration;

/// <summary>A resolved HOCON object; fields keep the order in which their keys first appeared.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields;

    internal HoconObject(OrderedDictionary<string, HoconValue> fields, HoconOrigin origin)
        : base(origin) => _fields = fields;

    /// <summary>The fields by key (keys are single path segments, compared ordinally).</summary>
    public IReadOnlyDictionary<string, HoconValue> Fields => _fields;

    /// <summary>The value of one field, or null when the object has no such key.</summary>
    public HoconValue? this[string key] => _fields.GetValueOrDefault(key);

    internal override HoconValue WithOrigin(HoconOrigin origin) => new HoconObject(_fields, origin);
}
