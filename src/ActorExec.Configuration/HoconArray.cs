namespace ActorExec.Configuration;

/// <summary>A resolved HOCON array.</summary>
public sealed class HoconArray : HoconValue
{
    internal HoconArray(IReadOnlyList<HoconValue> items, HoconOrigin origin)
        : base(origin) => Items = items;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<HoconValue> Items { get; }

    internal override HoconValue WithOrigin(HoconOrigin origin) => new HoconArray(Items, origin);
}
