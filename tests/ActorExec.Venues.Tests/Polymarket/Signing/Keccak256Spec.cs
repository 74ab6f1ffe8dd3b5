using System.Security.Cryptography;
using System.Text;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

public sealed class Keccak256Spec
{
    // Digests from the Keccak team's round-3 Keccak-256 (padding 0x01), as quoted by Crypto++
    // TestVectors/keccak.txt and the Ethereum libraries (e.g. ethereumjs, go-ethereum's crypto tests): empty,
    // "abc", the 448-bit and 896-bit FIPS-style messages.
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "45d3b367a6904e6e8d502ee04999a7c27647f91fa845d456525fd352ae3d7371")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "f519747ed599024f3882238e5ab43960132572b7345fbeb9a90769dafd21ad67")]
    public void Hash_PublishedTextVectors_MatchesKeccak256(string text, string expected)
    {
        Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes(text))).Should().Be(expected);
    }

    // Keccak team ShortMsgKAT_256.txt (round 3, Keccak padding): Len = 8 (CC), 1080 (135 bytes, one short of the
    // 136-byte rate), 1088 (exactly the rate: padding takes a block of its own) and 2040 (255 bytes, two blocks).
    // Digests as quoted by published Keccak test suites (CryptoJS SHA3 vector 6; a Keccak Java test suite).
    [Theory]
    [InlineData("CC", "eead6dbfc7340a56caedc044696a168870549a6a7f6f56961e84a54bd9970b8a")]
    [InlineData(KatVectors.Msg1080, "bd6f5492582a7c1b116304de28314df9fffe95b0da11af52fe9440a717a34859")]
    [InlineData(KatVectors.Msg1088, "e717a7769448abbe5fef8187954a88ac56ded1d22e63940ab80d029585a21921")]
    [InlineData(KatVectors.Msg2040, "348fb774adc970a16b1105669442625e6adaa8257a89effdb5a802f161b862ea")]
    public void Hash_ShortMsgKat_MatchesPublishedDigest(string messageHex, string expected)
    {
        Convert.ToHexStringLower(Keccak256.Hash(Convert.FromHexString(messageHex))).Should().Be(expected);
    }

    // The same sponge with FIPS 202's 0x06 padding must give SHA3-256, which fixes the permutation and the block
    // handling at 135/136/137 bytes against NIST's SHA3-256 ShortMsgKAT (quoted by Tor's test_crypto.c).
    [Theory]
    [InlineData(KatVectors.Msg1080, "a19eee92bb2097b64e823d597798aa18be9b7c736b8059abfd6779ac35ac81b5")]
    [InlineData(KatVectors.Msg1088, "df673f4105379ff6b755eeab20ceb0dc77b5286364fe16c59cc8a907aff07732")]
    [InlineData(KatVectors.Msg1096, "d52432cf3b6b4b949aa848e058dcd62d735e0177279222e7ac0af8504762faa0")]
    public void Sponge_WithSha3Padding_MatchesNistSha3Vectors(string messageHex, string expected)
    {
        var digest = new byte[32];
        Keccak256.Sponge(Convert.FromHexString(messageHex), digest, Keccak256.Sha3Padding);
        Convert.ToHexStringLower(digest).Should().Be(expected);
    }

    // No published Keccak-256 digest was found for 137 or 272 bytes; the sponge with SHA3 padding is checked
    // against the platform's SHA3-256 there (and every length around the rate), and Keccak differs only in the pad byte.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(271)]
    [InlineData(272)]
    [InlineData(273)]
    [InlineData(1000)]
    public void Sponge_WithSha3Padding_MatchesPlatformSha3(int length)
    {
        if (!SHA3_256.IsSupported)
            return;
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 3)).ToArray();
        var digest = new byte[32];
        Keccak256.Sponge(data, digest, Keccak256.Sha3Padding);
        digest.Should().Equal(SHA3_256.HashData(data));
    }

    [Fact]
    public void Hash_Abc_DiffersFromSha3()
    {
        var keccak = Keccak256.Hash("abc"u8);

        keccak.Should().NotEqual(Convert.FromHexString("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"), "that is SHA3-256(\"abc\") from FIPS 202");
        if (SHA3_256.IsSupported)
            keccak.Should().NotEqual(SHA3_256.HashData("abc"u8));
    }

    [Fact]
    public void Hash_IntoSpan_MatchesArrayOverloadAndRejectsShortDestination()
    {
        var destination = new byte[40];
        Keccak256.Hash("abc"u8, destination);
        destination[..32].Should().Equal(Keccak256.Hash("abc"u8));

        var act = () => Keccak256.Hash("abc"u8, new byte[31]);
        act.Should().Throw<ArgumentException>().WithMessage("*32 bytes*31*");
    }

    private static class KatVectors
    {
        public const string Msg1080 =
            "B771D5CEF5D1A41A93D15643D7181D2A2EF0A8E84D91812F20ED21F147BEF732BF3A60EF4067C3734B85BC8CD471780F10DC9E8291B58339A677B960218F71E793F2797AEA349406512829065D37BB55EA796FA4F56FD8896B49B2CD19B43215AD967C712B24E5032D065232E02C127409D2ED4146B9D75D763D52DB98D949D3B0FED6A8052FBB";

        public const string Msg1088 =
            "B32D95B0B9AAD2A8816DE6D06D1F86008505BD8C14124F6E9A163B5A2ADE55F835D0EC3880EF50700D3B25E42CC0AF050CCD1BE5E555B23087E04D7BF9813622780C7313A1954F8740B6EE2D3F71F768DD417F520482BD3A08D4F222B4EE9DBD015447B33507DD50F3AB4247C5DE9A8ABD62A8DECEA01E3B87C8B927F5B08BEB37674C6F8E380C04";

        public const string Msg1096 =
            "04410E31082A47584B406F051398A6ABE74E4DA59BB6F85E6B49E8A1F7F2CA00DFBA5462C2CD2BFDE8B64FB21D70C083F11318B56A52D03B81CAC5EEC29EB31BD0078B6156786DA3D6D8C33098C5C47BB67AC64DB14165AF65B44544D806DDE5F487D5373C7F9792C299E9686B7E5821E7C8E2458315B996B5677D926DAC57B3F22DA873C601016A0D";

        public const string Msg2040 =
            "3A3A819C48EFDE2AD914FBF00E18AB6BC4F14513AB27D0C178A188B61431E7F5623CB66B23346775D386B50E982C493ADBBFC54B9A3CD383382336A1A0B2150A15358F336D03AE18F666C7573D55C4FD181C29E6CCFDE63EA35F0ADF5885CFC0A3D84A2B2E4DD24496DB789E663170CEF74798AA1BBCD4574EA0BBA40489D764B2F83AADC66B148B4A0CD95246C127D5871C4F11418690A5DDF01246A0C80A43C70088B6183639DCFDA4125BD113A8F49EE23ED306FAAC576C3FB0C1E256671D817FC2534A52F5B439F72E424DE376F4C565CCA82307DD9EF76DA5B7C4EB7E085172E328807C02D011FFBF33785378D79DC266F6A5BE6BB0E4A92ECEEBAEB1";
    }
}
