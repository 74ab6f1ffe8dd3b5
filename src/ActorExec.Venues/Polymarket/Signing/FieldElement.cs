using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// An element of secp256k1's base field in four 64-bit limbs (little-endian), always reduced below p. Point
/// arithmetic does thousands of field multiplications per recovery; doing them on <see cref="BigInteger"/> costs
/// milliseconds in allocation and division, while p = 2^256 − 0x1000003D1 allows a division-free reduction.
/// </summary>
internal readonly struct FieldElement : IEquatable<FieldElement>
{
    /// <summary>2^256 mod p, the constant a 512-bit product's high half is folded in with.</summary>
    private const ulong Fold = 0x1000003D1UL;

    private const ulong P0 = 0xFFFFFFFEFFFFFC2FUL;
    private const ulong P1 = 0xFFFFFFFFFFFFFFFFUL;
    private const ulong P2 = 0xFFFFFFFFFFFFFFFFUL;
    private const ulong P3 = 0xFFFFFFFFFFFFFFFFUL;

    private readonly ulong _l0, _l1, _l2, _l3;

    private FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0);

    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    /// <summary>From an integer in [0, p).</summary>
    public static FieldElement From(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        Hex.WriteUInt256(value, bytes);
        return new FieldElement(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, _l3);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _l2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], _l1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], _l0);
        return Hex.ToUnsigned(bytes);
    }

    public static FieldElement operator +(FieldElement a, FieldElement b)
    {
        ulong carry = 0;
        var r0 = AddCarry(a._l0, b._l0, ref carry);
        var r1 = AddCarry(a._l1, b._l1, ref carry);
        var r2 = AddCarry(a._l2, b._l2, ref carry);
        var r3 = AddCarry(a._l3, b._l3, ref carry);
        if (carry != 0)
        {
            // a + b − p = (a + b − 2^256) + Fold; cannot carry again because a + b − 2^256 < p.
            ulong c = 0;
            r0 = AddCarry(r0, Fold, ref c);
            r1 = AddCarry(r1, 0, ref c);
            r2 = AddCarry(r2, 0, ref c);
            r3 = AddCarry(r3, 0, ref c);
        }
        return Normalize(r0, r1, r2, r3);
    }

    public static FieldElement operator -(FieldElement a, FieldElement b)
    {
        ulong borrow = 0;
        var r0 = SubBorrow(a._l0, b._l0, ref borrow);
        var r1 = SubBorrow(a._l1, b._l1, ref borrow);
        var r2 = SubBorrow(a._l2, b._l2, ref borrow);
        var r3 = SubBorrow(a._l3, b._l3, ref borrow);
        if (borrow != 0)
        {
            ulong carry = 0;
            r0 = AddCarry(r0, P0, ref carry);
            r1 = AddCarry(r1, P1, ref carry);
            r2 = AddCarry(r2, P2, ref carry);
            r3 = AddCarry(r3, P3, ref carry);
        }
        return new FieldElement(r0, r1, r2, r3);
    }

    public static FieldElement operator *(FieldElement a, FieldElement b)
    {
        // Schoolbook 4×4 limbs into eight, unrolled; x·y + t + carry never exceeds 2^128 − 1, so one carry word suffices.
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0;
        ulong carry;
        carry = 0;
        t0 = MultiplyAdd(a._l0, b._l0, t0, ref carry);
        t1 = MultiplyAdd(a._l0, b._l1, t1, ref carry);
        t2 = MultiplyAdd(a._l0, b._l2, t2, ref carry);
        t3 = MultiplyAdd(a._l0, b._l3, t3, ref carry);
        t4 = carry;
        carry = 0;
        t1 = MultiplyAdd(a._l1, b._l0, t1, ref carry);
        t2 = MultiplyAdd(a._l1, b._l1, t2, ref carry);
        t3 = MultiplyAdd(a._l1, b._l2, t3, ref carry);
        t4 = MultiplyAdd(a._l1, b._l3, t4, ref carry);
        t5 = carry;
        carry = 0;
        t2 = MultiplyAdd(a._l2, b._l0, t2, ref carry);
        t3 = MultiplyAdd(a._l2, b._l1, t3, ref carry);
        t4 = MultiplyAdd(a._l2, b._l2, t4, ref carry);
        t5 = MultiplyAdd(a._l2, b._l3, t5, ref carry);
        t6 = carry;
        carry = 0;
        t3 = MultiplyAdd(a._l3, b._l0, t3, ref carry);
        t4 = MultiplyAdd(a._l3, b._l1, t4, ref carry);
        t5 = MultiplyAdd(a._l3, b._l2, t5, ref carry);
        t6 = MultiplyAdd(a._l3, b._l3, t6, ref carry);
        t7 = carry;
        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    public FieldElement Square() => this * this;

    public FieldElement Times(uint small) => this * new FieldElement(small, 0, 0, 0);

    /// <summary>this^(p−2) = this⁻¹ (Fermat), for the one conversion to affine per scalar multiplication.</summary>
    public FieldElement Invert() => Pow(InverseExponent);

    /// <summary>this^((p+1)/4), a square root whenever one exists (p ≡ 3 mod 4); the caller checks it squares back.</summary>
    public FieldElement SquareRootCandidate() => Pow(SqrtExponent);

    private static readonly byte[] InverseExponent = Hex.UInt256(Secp256k1.P - 2);

    private static readonly byte[] SqrtExponent = Hex.UInt256((Secp256k1.P + 1) >> 2);

    /// <summary>Left-to-right square-and-multiply over a 32-byte big-endian exponent.</summary>
    private FieldElement Pow(ReadOnlySpan<byte> exponent)
    {
        var result = One;
        foreach (var b in exponent)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                result = result.Square();
                if ((b >> bit & 1) != 0)
                    result *= this;
            }
        }
        return result;
    }

    /// <summary>True when the canonical value is odd, the parity Ethereum's recovery id encodes for R's y.</summary>
    public bool IsOdd => (_l0 & 1) != 0;

    public bool Equals(FieldElement other) => _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    public override bool Equals(object? obj) => obj is FieldElement other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);

    public static bool operator ==(FieldElement a, FieldElement b) => a.Equals(b);

    public static bool operator !=(FieldElement a, FieldElement b) => !a.Equals(b);

    /// <summary>t (512 bits) mod p: lo + hi·Fold, folded again until it fits, then one conditional subtraction.</summary>
    private static FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        ulong carry = 0;
        var u0 = MultiplyAdd(t4, Fold, t0, ref carry);
        var u1 = MultiplyAdd(t5, Fold, t1, ref carry);
        var u2 = MultiplyAdd(t6, Fold, t2, ref carry);
        var u3 = MultiplyAdd(t7, Fold, t3, ref carry);
        while (carry != 0)
        {
            ulong c = 0;
            u0 = MultiplyAdd(carry, Fold, u0, ref c);
            u1 = AddCarry(u1, 0, ref c);
            u2 = AddCarry(u2, 0, ref c);
            u3 = AddCarry(u3, 0, ref c);
            carry = c;
        }
        return Normalize(u0, u1, u2, u3);
    }

    /// <summary>Subtracts p once when the value is at least p (values here are always below 2p).</summary>
    private static FieldElement Normalize(ulong r0, ulong r1, ulong r2, ulong r3)
    {
        var atLeastP = r3 == P3 && r2 == P2 && r1 == P1 && r0 >= P0;
        if (!atLeastP)
            return new FieldElement(r0, r1, r2, r3);
        ulong borrow = 0;
        r0 = SubBorrow(r0, P0, ref borrow);
        r1 = SubBorrow(r1, P1, ref borrow);
        r2 = SubBorrow(r2, P2, ref borrow);
        r3 = SubBorrow(r3, P3, ref borrow);
        return new FieldElement(r0, r1, r2, r3);
    }

    /// <summary>Low word of x·y + addend + carry; the high word becomes the new carry. Math.BigMul is one machine multiply.</summary>
    private static ulong MultiplyAdd(ulong x, ulong y, ulong addend, ref ulong carry)
    {
        var high = Math.BigMul(x, y, out var low);
        low += addend;
        high += low < addend ? 1UL : 0UL;
        low += carry;
        high += low < carry ? 1UL : 0UL;
        carry = high;
        return low;
    }

    private static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b;
        var overflow = sum < a ? 1UL : 0UL;
        sum += carry;
        overflow += sum < carry ? 1UL : 0UL;
        carry = overflow;
        return sum;
    }

    private static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var difference = a - b - borrow;
        borrow = (a < b || (a == b && borrow != 0)) ? 1UL : 0UL;
        return difference;
    }
}
