namespace ActorExec.Venues.Paper.Internal;

/// <summary>The kinds of venue call, for fault decisions and call counts.</summary>
internal enum CallKind
{
    Place,
    Cancel,
    Modify,
    Query,
    Fills,
    Positions,
    Health,
    Markets,
    Book,
}
