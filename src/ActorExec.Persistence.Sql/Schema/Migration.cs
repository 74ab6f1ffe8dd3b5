namespace ActorExec.Persistence.Sql.Schema;

/// <summary>One step of a store's schema, applied once and recorded in <c>schema_migrations</c>.</summary>
/// <param name="Version">Applied in increasing order; never reused.</param>
/// <param name="Description">What it does, recorded with it.</param>
/// <param name="Sql">The statements, run in one transaction.</param>
internal sealed record Migration(int Version, string Description, string Sql);
