using System.Numerics;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

/// <summary>
/// EIP-712's own worked example: ethereum/EIPs assets/eip-712/Example.js (current revision, domain without
/// httpOrigin), which asserts every value below with ethereumjs-util.
/// </summary>
public sealed class Eip712Spec
{
    internal const string CowAddress = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";
    internal const string MailDigest = "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";

    internal static readonly Eip712Type Person = new("Person", [new Eip712Field("name", "string"), new Eip712Field("wallet", "address")]);

    internal static readonly Eip712Type Mail = new("Mail",
        [new Eip712Field("from", "Person"), new Eip712Field("to", "Person"), new Eip712Field("contents", "string")]);

    internal static readonly Eip712Domain EtherMail = new("Ether Mail", "1", BigInteger.One, "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC");

    internal static readonly Dictionary<string, object?> Message = new()
    {
        ["from"] = new Dictionary<string, object?> { ["name"] = "Cow", ["wallet"] = CowAddress },
        ["to"] = new Dictionary<string, object?> { ["name"] = "Bob", ["wallet"] = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
        ["contents"] = "Hello, Bob!",
    };

    [Fact]
    public void EncodeType_Mail_ListsPrimaryThenDependencies()
    {
        Eip712.EncodeType("Mail", [Mail, Person]).Should().Be("Mail(Person from,Person to,string contents)Person(string name,address wallet)");
        Hex(Eip712.TypeHash("Mail", [Person, Mail])).Should().Be("a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2");
    }

    [Fact]
    public void Separator_EtherMailDomain_MatchesEip()
    {
        Hex(EtherMail.Separator()).Should().Be("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
    }

    [Fact]
    public void HashStruct_MailFromCowToBob_MatchesEip()
    {
        Hex(Eip712.HashStruct("Mail", Message, [Mail, Person])).Should().Be("c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e");
    }

    [Fact]
    public void Digest_MailFromCowToBob_MatchesEip()
    {
        var digest = Eip712.Digest(EtherMail.Separator(), Eip712.HashStruct("Mail", Message, [Mail, Person]));

        Hex(digest).Should().Be(MailDigest);
    }

    [Fact]
    public void HashStruct_MissingMember_NamesIt()
    {
        var incomplete = new Dictionary<string, object?>(Message);
        incomplete.Remove("contents");

        var act = () => Eip712.HashStruct("Mail", incomplete, [Mail, Person]);

        act.Should().Throw<ArgumentException>().WithMessage("*Mail.contents (string)*");
    }

    [Fact]
    public void HashStruct_BadNestedAddress_NamesTheMember()
    {
        var bad = new Dictionary<string, object?>(Message)
        {
            ["to"] = new Dictionary<string, object?> { ["name"] = "Bob", ["wallet"] = "0x1234" },
        };

        var act = () => Eip712.HashStruct("Mail", bad, [Mail, Person]);

        act.Should().Throw<ArgumentException>().WithMessage("*Person.wallet (address)*not an Ethereum address*");
    }

    [Fact]
    public void HashStruct_UnknownTypeOrOutOfRangeInteger_Throws()
    {
        var counter = new Eip712Type("Counter", [new Eip712Field("value", "uint8")]);

        var unknown = () => Eip712.HashStruct("Nope", Message, [Mail, Person]);
        var overflow = () => Eip712.HashStruct("Counter", new Dictionary<string, object?> { ["value"] = 256 }, [counter]);

        unknown.Should().Throw<ArgumentException>().WithMessage("*'Nope' is not among*");
        overflow.Should().Throw<ArgumentException>().WithMessage("*256 is out of range for uint8*");
    }

    [Fact]
    public void Digest_WrongLengthInputs_Throw()
    {
        var act = () => Eip712.Digest(new byte[31], new byte[32]);

        act.Should().Throw<ArgumentException>().WithMessage("*domain separator must be 32 bytes*31*");
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
