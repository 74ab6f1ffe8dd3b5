using System.Numerics;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

public sealed class Secp256k1Spec
{
    [Fact]
    public void FieldElement_SeededRandomOperands_AgreeWithBigIntegerModP()
    {
        var random = new Random(712);
        var p = Secp256k1.P;
        var samples = new List<BigInteger> { BigInteger.Zero, BigInteger.One, p - 1, p - 2, (BigInteger.One << 255) - 1, BigInteger.One << 255 };
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            samples.Add(new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % p);
        }

        for (var i = 0; i < samples.Count; i++)
        {
            var a = samples[i];
            var b = samples[(i * 7 + 3) % samples.Count];
            var fa = FieldElement.From(a);
            var fb = FieldElement.From(b);

            (fa * fb).ToBigInteger().Should().Be(a * b % p, "({0} · {1}) mod p", a, b);
            (fa + fb).ToBigInteger().Should().Be((a + b) % p);
            (fa - fb).ToBigInteger().Should().Be(((a - b) % p + p) % p);
            if (!a.IsZero)
                (fa * fa.Invert()).Should().Be(FieldElement.One);
        }
    }

    // 2G and 3G from the SEC 2 / Bitcoin reference tables of secp256k1 multiples.
    [Theory]
    [InlineData(2, "C6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5", "1AE168FEA63DC339A3C58419466CEAEEF7F632653266D0E1236431A950CFE52A")]
    [InlineData(3, "F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9", "388F7B0F632DE8140FE337E62A37F3566500A99934C2231B6CB9FD7584B8E672")]
    public void MultiplyGenerator_SmallScalars_MatchPublishedMultiples(int k, string x, string y)
    {
        var point = Secp256k1.MultiplyGenerator(k);

        point.X.Should().Be(new BigInteger(Convert.FromHexString(x), isUnsigned: true, isBigEndian: true));
        point.Y.Should().Be(new BigInteger(Convert.FromHexString(y), isUnsigned: true, isBigEndian: true));
        Secp256k1.IsOnCurve(point).Should().BeTrue();
    }

    [Fact]
    public void MultiplyGenerator_OrderMinusOne_IsMinusG()
    {
        var point = Secp256k1.MultiplyGenerator(Secp256k1.N - 1);

        point.Should().Be(new Secp256k1.AffinePoint(Secp256k1.G.X, Secp256k1.P - Secp256k1.G.Y));
    }
}
