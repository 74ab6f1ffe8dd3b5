using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// The secp256k1 arithmetic that the platform's ECDsa does not expose: d·G for a public key and public-key
/// recovery from (digest, r, s, recovery id), which is how Ethereum identifies a signer without sending its key.
/// Jacobian coordinates over <see cref="FieldElement"/>; all inputs are public, so constant time is not needed.
/// </summary>
internal static class Secp256k1
{
    /// <summary>The field prime p = 2^256 − 2^32 − 977.</summary>
    public static readonly BigInteger P = Parse("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F");

    /// <summary>The group order n.</summary>
    public static readonly BigInteger N = Parse("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

    /// <summary>n / 2: Ethereum (EIP-2) accepts only signatures with s at most this.</summary>
    public static readonly BigInteger HalfN = N >> 1;

    /// <summary>The generator G.</summary>
    public static readonly AffinePoint G = new(
        Parse("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"),
        Parse("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8"));

    /// <summary>A point in affine coordinates; the point at infinity is never represented as one.</summary>
    public readonly record struct AffinePoint(BigInteger X, BigInteger Y);

    private readonly record struct JacobianPoint(FieldElement X, FieldElement Y, FieldElement Z)
    {
        public static readonly JacobianPoint Infinity = new(FieldElement.One, FieldElement.One, FieldElement.Zero);
        public bool IsInfinity => Z.IsZero;

        public static JacobianPoint From(AffinePoint point) => new(FieldElement.From(point.X), FieldElement.From(point.Y), FieldElement.One);
    }

    /// <summary>k·G, the public key of private key k.</summary>
    public static AffinePoint MultiplyGenerator(BigInteger k)
        => ToAffine(Multiply(k, G)) ?? throw new ArgumentException("the scalar is a multiple of the group order", nameof(k));

    /// <summary>True when (x, y) satisfies y² = x³ + 7 over the field, a check before trusting a point.</summary>
    public static bool IsOnCurve(AffinePoint point)
        => point.X >= 0 && point.X < P && point.Y >= 0 && point.Y < P
           && Mod(point.Y * point.Y - (point.X * point.X * point.X + 7)).IsZero;

    /// <summary>
    /// The public key that produced (r, s) over <paramref name="digest"/> when R's y has the parity
    /// <paramref name="recoveryId"/> (0 even, 1 odd), or null when no such key exists.
    /// Q = r⁻¹(s·R − z·G), SEC 1 v2 §4.1.6; the r + n case is ignored, as Ethereum's v cannot express it.
    /// </summary>
    public static AffinePoint? Recover(BigInteger digest, BigInteger r, BigInteger s, int recoveryId)
    {
        if (r.Sign <= 0 || r >= N || s.Sign <= 0 || s >= N || recoveryId is not (0 or 1))
            return null;
        var R = Decompress(r, odd: recoveryId == 1);
        if (R is null)
            return null;
        var rInverse = InverseModN(r);
        var u1 = ModN(-digest * rInverse);
        var u2 = ModN(s * rInverse);
        return ToAffine(MultiplyAdd(u1, G, u2, R.Value));
    }

    /// <summary>The point with x-coordinate <paramref name="x"/> and the asked parity of y, or null if x is not on the curve.</summary>
    public static AffinePoint? Decompress(BigInteger x, bool odd)
    {
        if (x.Sign < 0 || x >= P)
            return null;
        var fx = FieldElement.From(x);
        var rhs = fx.Square() * fx + Seven;
        var y = rhs.SquareRootCandidate();
        if (y.Square() != rhs)
            return null;
        if (y.IsOdd != odd)
            y = FieldElement.Zero - y;
        return new AffinePoint(x, y.ToBigInteger());
    }

    private static readonly FieldElement Seven = FieldElement.From(7);

    private static JacobianPoint Multiply(BigInteger k, AffinePoint point)
    {
        Span<byte> bits = stackalloc byte[32];
        Hex.WriteUInt256(k, bits);
        var result = JacobianPoint.Infinity;
        var addend = JacobianPoint.From(point);
        for (var bit = 255; bit >= 0; bit--)
        {
            result = Double(result);
            if (IsSet(bits, bit))
                result = Add(result, addend);
        }
        return result;
    }

    /// <summary>a·A + b·B in one pass of doublings (Shamir's trick), the cost of one recovery.</summary>
    private static JacobianPoint MultiplyAdd(BigInteger a, AffinePoint pointA, BigInteger b, AffinePoint pointB)
    {
        Span<byte> aBits = stackalloc byte[32];
        Span<byte> bBits = stackalloc byte[32];
        Hex.WriteUInt256(a, aBits);
        Hex.WriteUInt256(b, bBits);
        var ja = JacobianPoint.From(pointA);
        var jb = JacobianPoint.From(pointB);
        var both = Add(ja, jb);
        var result = JacobianPoint.Infinity;
        for (var bit = 255; bit >= 0; bit--)
        {
            result = Double(result);
            var inA = IsSet(aBits, bit);
            var inB = IsSet(bBits, bit);
            if (inA && inB)
                result = Add(result, both);
            else if (inA)
                result = Add(result, ja);
            else if (inB)
                result = Add(result, jb);
        }
        return result;
    }

    /// <summary>Bit <paramref name="bit"/> (0 = least significant) of a 32-byte big-endian scalar.</summary>
    private static bool IsSet(ReadOnlySpan<byte> bigEndian32, int bit) => (bigEndian32[31 - (bit >> 3)] >> (bit & 7) & 1) != 0;

    /// <summary>2P for a = 0 (dbl-2009-l).</summary>
    private static JacobianPoint Double(JacobianPoint p)
    {
        if (p.IsInfinity || p.Y.IsZero)
            return JacobianPoint.Infinity;
        var a = p.X.Square();
        var b = p.Y.Square();
        var c = b.Square();
        var xb = p.X + b;
        var d = (xb.Square() - a - c).Times(2);
        var e = a.Times(3);
        var f = e.Square();
        var x3 = f - d.Times(2);
        var y3 = e * (d - x3) - c.Times(8);
        var z3 = (p.Y * p.Z).Times(2);
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>P + Q in Jacobian coordinates (falls back to doubling when P = Q).</summary>
    private static JacobianPoint Add(JacobianPoint p, JacobianPoint q)
    {
        if (p.IsInfinity)
            return q;
        if (q.IsInfinity)
            return p;
        var pz2 = p.Z.Square();
        var qz2 = q.Z.Square();
        var u1 = p.X * qz2;
        var u2 = q.X * pz2;
        var s1 = p.Y * qz2 * q.Z;
        var s2 = q.Y * pz2 * p.Z;
        var h = u2 - u1;
        var r = s2 - s1;
        if (h.IsZero)
            return r.IsZero ? Double(p) : JacobianPoint.Infinity;
        var h2 = h.Square();
        var h3 = h2 * h;
        var u1h2 = u1 * h2;
        var x3 = r.Square() - h3 - u1h2.Times(2);
        var y3 = r * (u1h2 - x3) - s1 * h3;
        var z3 = h * p.Z * q.Z;
        return new JacobianPoint(x3, y3, z3);
    }

    private static AffinePoint? ToAffine(JacobianPoint p)
    {
        if (p.IsInfinity)
            return null;
        var zInverse = p.Z.Invert();
        var zInverse2 = zInverse.Square();
        return new AffinePoint((p.X * zInverse2).ToBigInteger(), (p.Y * zInverse2 * zInverse).ToBigInteger());
    }

    private static BigInteger Mod(BigInteger value)
    {
        var r = value % P;
        return r.Sign < 0 ? r + P : r;
    }

    /// <summary>a⁻¹ mod n by the extended Euclidean algorithm, several times cheaper than a 256-bit ModPow.</summary>
    private static BigInteger InverseModN(BigInteger a)
    {
        BigInteger t = BigInteger.Zero, newT = BigInteger.One, r = N, newR = a;
        while (!newR.IsZero)
        {
            var quotient = BigInteger.DivRem(r, newR, out var remainder);
            (t, newT) = (newT, t - quotient * newT);
            (r, newR) = (newR, remainder);
        }
        return t.Sign < 0 ? t + N : t;
    }

    private static BigInteger ModN(BigInteger value)
    {
        var r = value % N;
        return r.Sign < 0 ? r + N : r;
    }

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
