using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// The secp256k1 arithmetic that the platform's ECDsa does not expose: d·G for a public key and public-key
/// recovery from (digest, r, s, recovery id), which is how Ethereum identifies a signer without sending its key.
/// Jacobian coordinates over <see cref="BigInteger"/>; all inputs are public, so constant time is not needed.
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

    private static readonly BigInteger SqrtExponent = (P + 1) >> 2;

    /// <summary>A point in affine coordinates; the point at infinity is never represented as one.</summary>
    public readonly record struct AffinePoint(BigInteger X, BigInteger Y);

    private readonly record struct JacobianPoint(BigInteger X, BigInteger Y, BigInteger Z)
    {
        public static readonly JacobianPoint Infinity = new(BigInteger.One, BigInteger.One, BigInteger.Zero);
        public bool IsInfinity => Z.IsZero;
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
        var rInverse = BigInteger.ModPow(r, N - 2, N);
        var u1 = ModN(-digest * rInverse);
        var u2 = ModN(s * rInverse);
        return ToAffine(MultiplyAdd(u1, G, u2, R.Value));
    }

    /// <summary>The point with x-coordinate <paramref name="x"/> and the asked parity of y, or null if x is not on the curve.</summary>
    public static AffinePoint? Decompress(BigInteger x, bool odd)
    {
        if (x.Sign < 0 || x >= P)
            return null;
        var rhs = Mod(x * x * x + 7);
        var y = BigInteger.ModPow(rhs, SqrtExponent, P);
        if (!Mod(y * y - rhs).IsZero)
            return null;
        if (y.IsEven == odd)
            y = P - y;
        return new AffinePoint(x, y);
    }

    private static JacobianPoint Multiply(BigInteger k, AffinePoint point)
    {
        var result = JacobianPoint.Infinity;
        var addend = new JacobianPoint(point.X, point.Y, BigInteger.One);
        for (var bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Double(result);
            if (!(k >> bit).IsEven)
                result = Add(result, addend);
        }
        return result;
    }

    /// <summary>a·A + b·B in one pass of doublings (Shamir's trick), the cost of one recovery.</summary>
    private static JacobianPoint MultiplyAdd(BigInteger a, AffinePoint pointA, BigInteger b, AffinePoint pointB)
    {
        var ja = new JacobianPoint(pointA.X, pointA.Y, BigInteger.One);
        var jb = new JacobianPoint(pointB.X, pointB.Y, BigInteger.One);
        var both = Add(ja, jb);
        var result = JacobianPoint.Infinity;
        var bits = (int)BigInteger.Max(a.GetBitLength(), b.GetBitLength());
        for (var bit = bits - 1; bit >= 0; bit--)
        {
            result = Double(result);
            var inA = !(a >> bit).IsEven;
            var inB = !(b >> bit).IsEven;
            if (inA && inB)
                result = Add(result, both);
            else if (inA)
                result = Add(result, ja);
            else if (inB)
                result = Add(result, jb);
        }
        return result;
    }

    private static JacobianPoint Double(JacobianPoint p)
    {
        if (p.IsInfinity || p.Y.IsZero)
            return JacobianPoint.Infinity;
        var a = Mod(p.X * p.X);
        var b = Mod(p.Y * p.Y);
        var c = Mod(b * b);
        var xb = p.X + b;
        var d = Mod(2 * (xb * xb - a - c));
        var e = 3 * a;
        var f = Mod(e * e);
        var x3 = Mod(f - 2 * d);
        var y3 = Mod(e * (d - x3) - 8 * c);
        var z3 = Mod(2 * p.Y * p.Z);
        return new JacobianPoint(x3, y3, z3);
    }

    private static JacobianPoint Add(JacobianPoint p, JacobianPoint q)
    {
        if (p.IsInfinity)
            return q;
        if (q.IsInfinity)
            return p;
        var pz2 = Mod(p.Z * p.Z);
        var qz2 = Mod(q.Z * q.Z);
        var u1 = Mod(p.X * qz2);
        var u2 = Mod(q.X * pz2);
        var s1 = Mod(p.Y * qz2 * q.Z);
        var s2 = Mod(q.Y * pz2 * p.Z);
        var h = Mod(u2 - u1);
        var r = Mod(s2 - s1);
        if (h.IsZero)
            return r.IsZero ? Double(p) : JacobianPoint.Infinity;
        var h2 = Mod(h * h);
        var h3 = Mod(h2 * h);
        var u1h2 = Mod(u1 * h2);
        var x3 = Mod(r * r - h3 - 2 * u1h2);
        var y3 = Mod(r * (u1h2 - x3) - s1 * h3);
        var z3 = Mod(h * p.Z * q.Z);
        return new JacobianPoint(x3, y3, z3);
    }

    private static AffinePoint? ToAffine(JacobianPoint p)
    {
        if (p.IsInfinity)
            return null;
        var zInverse = BigInteger.ModPow(p.Z, P - 2, P);
        var zInverse2 = Mod(zInverse * zInverse);
        return new AffinePoint(Mod(p.X * zInverse2), Mod(p.Y * zInverse2 * zInverse));
    }

    private static BigInteger Mod(BigInteger value)
    {
        var r = value % P;
        return r.Sign < 0 ? r + P : r;
    }

    private static BigInteger ModN(BigInteger value)
    {
        var r = value % N;
        return r.Sign < 0 ? r + N : r;
    }

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
