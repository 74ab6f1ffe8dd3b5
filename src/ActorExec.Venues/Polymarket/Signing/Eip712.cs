using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// A small EIP-712 encoder (typed structured data hashing): encodeType, hashStruct and the final digest, enough
/// for nested structs, strings, bytes, addresses, integers, booleans and arrays. Values are passed as
/// dictionaries keyed by member name so the encoder is not tied to one order shape.
/// </summary>
public static class Eip712
{
    /// <summary>
    /// encodeType: "Name(type name,…)" for the primary type followed by every referenced struct in name order,
    /// the exact string whose Keccak-256 is the type hash contracts hard-code.
    /// </summary>
    /// <exception cref="ArgumentException">The primary type, or a type it references, is not among <paramref name="types"/>.</exception>
    public static string EncodeType(string primaryType, IReadOnlyList<Eip712Type> types)
        => EncodeType(primaryType, Index(types));

    private static string EncodeType(string primaryType, IReadOnlyDictionary<string, Eip712Type> byName)
    {
        var primary = Find(byName, primaryType);
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primary, byName, dependencies);
        dependencies.Remove(primaryType);

        var text = new StringBuilder();
        foreach (var type in new[] { primary }.Concat(dependencies.Select(d => byName[d])))
            text.Append(type.Name).Append('(').AppendJoin(',', type.Fields.Select(f => $"{f.Type} {f.Name}")).Append(')');
        return text.ToString();
    }

    /// <summary>keccak256(encodeType): the constant a contract compares against.</summary>
    public static byte[] TypeHash(string primaryType, IReadOnlyList<Eip712Type> types)
        => Keccak256.Hash(Encoding.UTF8.GetBytes(EncodeType(primaryType, types)));

    /// <summary>
    /// hashStruct(s) = keccak256(typeHash ‖ encodeData(s)). Values: integers as <see cref="BigInteger"/> or any
    /// .NET integer, addresses as hex strings (or 20 bytes), strings, <c>byte[]</c> for bytes/bytesN, bool,
    /// nested structs as dictionaries, arrays as any enumerable.
    /// </summary>
    /// <exception cref="ArgumentException">A member is missing, of the wrong kind, or out of its type's range; the message names it.</exception>
    public static byte[] HashStruct(string primaryType, IReadOnlyDictionary<string, object?> data, IReadOnlyList<Eip712Type> types)
    {
        ArgumentNullException.ThrowIfNull(data);
        return HashStruct(primaryType, data, Index(types));
    }

    /// <summary>keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)): the 32 bytes that get signed.</summary>
    /// <exception cref="ArgumentException">Either input is not 32 bytes.</exception>
    public static byte[] Digest(byte[] domainSeparator, byte[] structHash)
    {
        ArgumentNullException.ThrowIfNull(domainSeparator);
        ArgumentNullException.ThrowIfNull(structHash);
        if (domainSeparator.Length != 32)
            throw new ArgumentException($"the domain separator must be 32 bytes, got {domainSeparator.Length}", nameof(domainSeparator));
        if (structHash.Length != 32)
            throw new ArgumentException($"the struct hash must be 32 bytes, got {structHash.Length}", nameof(structHash));
        Span<byte> message = stackalloc byte[66];
        message[0] = 0x19;
        message[1] = 0x01;
        domainSeparator.CopyTo(message[2..]);
        structHash.CopyTo(message[34..]);
        return Keccak256.Hash(message);
    }

    private static byte[] HashStruct(string typeName, IReadOnlyDictionary<string, object?> data, IReadOnlyDictionary<string, Eip712Type> types)
    {
        var type = Find(types, typeName);
        var encoded = new byte[32 * (type.Fields.Count + 1)];
        Keccak256.Hash(Encoding.UTF8.GetBytes(EncodeType(typeName, types)), encoded.AsSpan(0, 32));
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            if (!data.TryGetValue(field.Name, out var value))
                throw new ArgumentException($"EIP-712 {typeName}.{field.Name} ({field.Type}) has no value", nameof(data));
            try
            {
                EncodeValue(field.Type, value, types, encoded.AsSpan(32 * (i + 1), 32));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw new ArgumentException($"EIP-712 {typeName}.{field.Name} ({field.Type}): {e.Message}", nameof(data), e);
            }
        }
        return Keccak256.Hash(encoded);
    }

    private static void EncodeValue(string type, object? value, IReadOnlyDictionary<string, Eip712Type> types, Span<byte> slot)
    {
        if (value is null)
            throw new ArgumentException("the value is null");

        if (type.EndsWith(']'))
        {
            var elementType = type[..type.LastIndexOf('[')];
            if (value is string || value is not IEnumerable items)
                throw new ArgumentException($"expected a sequence for {type}, got {value.GetType().Name}");
            var elements = new List<byte[]>();
            foreach (var item in items)
            {
                var element = new byte[32];
                EncodeValue(elementType, item, types, element);
                elements.Add(element);
            }
            Keccak256.Hash(elements.SelectMany(e => e).ToArray(), slot);
            return;
        }

        if (types.ContainsKey(type))
        {
            if (value is not IReadOnlyDictionary<string, object?> nested)
                throw new ArgumentException($"expected a dictionary of members for struct {type}, got {value.GetType().Name}");
            HashStruct(type, nested, types).CopyTo(slot);
            return;
        }

        switch (type)
        {
            case "string":
                Keccak256.Hash(Encoding.UTF8.GetBytes(value as string ?? throw new ArgumentException($"expected a string, got {value.GetType().Name}")), slot);
                return;
            case "bytes":
                Keccak256.Hash(value as byte[] ?? throw new ArgumentException($"expected byte[], got {value.GetType().Name}"), slot);
                return;
            case "address":
                var address = value switch
                {
                    string text => EthereumAddress.ToBytes(text),
                    byte[] { Length: 20 } raw => raw,
                    _ => throw new ArgumentException($"expected an address string or 20 bytes, got {value.GetType().Name}"),
                };
                slot.Clear();
                address.CopyTo(slot[12..]);
                return;
            case "bool":
                slot.Clear();
                slot[31] = value is bool flag ? (byte)(flag ? 1 : 0) : throw new ArgumentException($"expected a bool, got {value.GetType().Name}");
                return;
        }

        if (type.StartsWith("bytes", StringComparison.Ordinal) && int.TryParse(type.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 32)
        {
            if (value is not byte[] fixedBytes || fixedBytes.Length != size)
                throw new ArgumentException($"expected exactly {size} bytes");
            slot.Clear();
            fixedBytes.CopyTo(slot);
            return;
        }

        if (TryIntegerBits(type, out var signed, out var bits))
        {
            var number = ToBigInteger(value);
            var limit = BigInteger.One << (signed ? bits - 1 : bits);
            if (signed ? number < -limit || number >= limit : number.Sign < 0 || number >= limit)
                throw new ArgumentException($"{number} is out of range for {type}");
            if (number.Sign < 0)
                number += BigInteger.One << 256; // two's complement across the 32-byte slot
            Hex.WriteUInt256(number, slot);
            return;
        }

        throw new ArgumentException($"'{type}' is neither a Solidity type this encoder knows nor one of the given struct types");
    }

    private static bool TryIntegerBits(string type, out bool signed, out int bits)
    {
        signed = type.StartsWith("int", StringComparison.Ordinal);
        var prefix = signed ? 3 : type.StartsWith("uint", StringComparison.Ordinal) ? 4 : -1;
        bits = 0;
        if (prefix < 0)
            return false;
        if (type.Length == prefix)
        {
            bits = 256;
            return true;
        }
        return int.TryParse(type.AsSpan(prefix), NumberStyles.None, CultureInfo.InvariantCulture, out bits) && bits is >= 8 and <= 256 && bits % 8 == 0;
    }

    private static BigInteger ToBigInteger(object value) => value switch
    {
        BigInteger big => big,
        long l => l,
        ulong ul => ul,
        int i => i,
        uint ui => ui,
        short sh => sh,
        ushort us => us,
        byte b => b,
        sbyte sb => sb,
        Enum e => new BigInteger(Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        string text => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"expected an integer, got {value.GetType().Name}"),
    };

    private static Dictionary<string, Eip712Type> Index(IReadOnlyList<Eip712Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var byName = new Dictionary<string, Eip712Type>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (!byName.TryAdd(type.Name, type))
                throw new ArgumentException($"EIP-712 type '{type.Name}' is defined twice", nameof(types));
        }
        return byName;
    }

    private static Eip712Type Find(IReadOnlyDictionary<string, Eip712Type> types, string name)
        => types.TryGetValue(name, out var type)
            ? type
            : throw new ArgumentException($"EIP-712 type '{name}' is not among the given types ({string.Join(", ", types.Keys)})", nameof(name));

    private static void CollectDependencies(Eip712Type type, IReadOnlyDictionary<string, Eip712Type> types, ISet<string> found)
    {
        if (!found.Add(type.Name))
            return;
        foreach (var field in type.Fields)
        {
            var baseType = field.Type.Contains('[') ? field.Type[..field.Type.IndexOf('[')] : field.Type;
            if (types.TryGetValue(baseType, out var dependency))
                CollectDependencies(dependency, types, found);
        }
    }
}
