using System.Numerics;

namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// The EIP-712 domain (name, version, chain, verifying contract) that binds a signature to one contract on one
/// chain, so an order signed for one exchange or network cannot be replayed on another.
/// </summary>
/// <param name="Name">The signing domain's name, e.g. "Polymarket CTF Exchange".</param>
/// <param name="Version">The domain version the contract was deployed with.</param>
/// <param name="ChainId">The EIP-155 chain id (137 Polygon, 80002 Amoy).</param>
/// <param name="VerifyingContract">The contract that checks the signature.</param>
public sealed record Eip712Domain(string Name, string Version, BigInteger ChainId, string VerifyingContract)
{
    /// <summary>The EIP712Domain type with the four members this record carries, in the order EIP-712 lists them.</summary>
    public static readonly Eip712Type Type = new("EIP712Domain",
    [
        new Eip712Field("name", "string"),
        new Eip712Field("version", "string"),
        new Eip712Field("chainId", "uint256"),
        new Eip712Field("verifyingContract", "address"),
    ]);

    /// <summary>hashStruct(EIP712Domain): the 32 bytes every digest in this domain starts from.</summary>
    /// <exception cref="ArgumentException">The verifying contract is not a valid address or the chain id is negative.</exception>
    public byte[] Separator() => Eip712.HashStruct(Type.Name, new Dictionary<string, object?>
    {
        ["name"] = Name,
        ["version"] = Version,
        ["chainId"] = ChainId,
        ["verifyingContract"] = VerifyingContract,
    }, [Type]);
}
