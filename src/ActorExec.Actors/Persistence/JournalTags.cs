namespace ActorExec.Actors.Persistence;

/// <summary>What a tag may be, enforced by every journal the same way.</summary>
public static class JournalTags
{
    /// <summary>Tags joined with ',' for storage; empty when there are none.</summary>
    /// <exception cref="ArgumentException">A tag is empty or contains a comma or whitespace; names the event.</exception>
    public static string Join(PersistentRepresentation @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var tag in @event.Tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Contains(',') || tag.Any(char.IsWhiteSpace))
                throw new ArgumentException($"Tag '{tag}' of event {@event.SequenceNr} of '{@event.PersistenceId}' must be non-empty, without commas or whitespace");
        }
        return string.Join(',', @event.Tags);
    }
}
