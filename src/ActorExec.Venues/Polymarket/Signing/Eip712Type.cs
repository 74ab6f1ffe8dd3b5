namespace ActorExec.Venues.Polymarket.Signing;

/// <summary>
/// One EIP-712 struct type, its members in declaration order: the order is part of the type hash, so it must
/// match the verifying contract's Solidity struct exactly.
/// </summary>
/// <param name="Name">The struct name, e.g. <c>Order</c> or <c>Mail</c>.</param>
/// <param name="Fields">The members in the contract's order.</param>
public sealed record Eip712Type(string Name, IReadOnlyList<Eip712Field> Fields);

/// <summary>One member of an <see cref="Eip712Type"/>.</summary>
/// <param name="Name">The member name as the contract spells it, e.g. <c>makerAmount</c>.</param>
/// <param name="Type">A Solidity type (<c>uint256</c>, <c>address</c>, <c>string</c>, <c>bytes32</c>, <c>bool</c>, <c>T[]</c>) or another struct's name.</param>
public sealed record Eip712Field(string Name, string Type);
