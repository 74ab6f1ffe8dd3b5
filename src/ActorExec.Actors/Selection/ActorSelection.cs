using ActorExec.Actors.Internal;

namespace ActorExec.Actors;

/// <summary>
/// Actors found by path when a message is sent: absolute (<c>/user/a/b</c>) or relative to an actor
/// (<c>child</c>, <c>../sibling</c>); an element may use the wildcards <c>*</c> and <c>?</c>.
/// </summary>
public sealed class ActorSelection
{
    private readonly ActorSystem _system;
    private readonly ActorCell _anchor;
    private readonly string[] _elements;

    private ActorSelection(ActorSystem system, ActorCell anchor, string[] elements, string path)
    {
        _system = system;
        _anchor = anchor;
        _elements = elements;
        PathString = path;
    }

    /// <summary>The path as given.</summary>
    public string PathString { get; }

    /// <summary>Sends to every live actor the path matches now; with no match, the message is a dead letter.</summary>
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var matches = Resolve();
        if (matches.Count == 0)
        {
            _system.DeadLetter(message, sender, _system.DeadLetters);
            return;
        }
        foreach (var cell in matches)
            cell.Post(message, sender);
    }

    /// <summary>Resolves the path to one live actor (the first match).</summary>
    /// <exception cref="ActorNotFoundException">No live actor matches.</exception>
    public Task<IActorRef> ResolveOne()
    {
        var matches = Resolve();
        return matches.Count > 0
            ? Task.FromResult<IActorRef>(matches[0].SelfRef)
            : Task.FromException<IActorRef>(new ActorNotFoundException(PathString));
    }

    /// <summary>Every live actor the path matches now.</summary>
    public IReadOnlyList<IActorRef> ResolveAll() => Resolve().ConvertAll(static c => (IActorRef)c.SelfRef);

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{PathString}]";

    internal static ActorSelection Parse(ActorSystem system, ActorCell relativeTo, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
            throw new ArgumentException("An actor selection path must not be empty", nameof(path));
        var anchor = relativeTo;
        if (path.StartsWith('/'))
            anchor = system.RootCell;
        var elements = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new ActorSelection(system, anchor, elements, path);
    }

    private List<ActorCell> Resolve()
    {
        List<ActorCell> current = [_anchor];
        foreach (var element in _elements)
        {
            var next = new List<ActorCell>();
            foreach (var cell in current)
            {
                if (element == "..")
                {
                    if (cell.ParentCell is { } parent)
                        next.Add(parent);
                }
                else if (element == ".")
                {
                    next.Add(cell);
                }
                else if (element.AsSpan().IndexOfAny('*', '?') >= 0)
                {
                    next.AddRange(cell.ChildCells().Where(c => Glob.Matches(element, c.SelfRef.Name)));
                }
                else if (cell.ChildCell(element) is { } child)
                {
                    next.Add(child);
                }
            }
            current = next;
        }
        current.RemoveAll(static c => c.IsTerminated);
        return current;
    }

    private static class Glob
    {
        public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
        {
            while (pattern.Length > 0)
            {
                switch (pattern[0])
                {
                    case '*':
                        for (var skip = 0; skip <= text.Length; skip++)
                        {
                            if (Matches(pattern[1..], text[skip..]))
                                return true;
                        }
                        return false;
                    case '?':
                        if (text.Length == 0)
                            return false;
                        break;
                    default:
                        if (text.Length == 0 || text[0] != pattern[0])
                            return false;
                        break;
                }
                pattern = pattern[1..];
                text = text[1..];
            }
            return text.Length == 0;
        }
    }
}
