using ActorExec.Configuration.Internal.Syntax;

namespace ActorExec.Configuration.Internal.Resolution;

/// <summary>
/// Turns the parsed tree into resolved values. A key's value is its merge stack folded from the
/// top: objects merge with the objects directly below them, anything else hides what lies below,
/// and an undefined <c>${?x}</c> counts as never assigned. Substitutions look forward (the final
/// value of their path), except that a field's own substitution sees only what lies beneath it.
/// The lookup and cycle rules live in <c>Resolver.Substitutions.cs</c>.
/// </summary>
internal sealed partial class Resolver
{
    private readonly ObjectNode _root;
    private readonly HoconOrigin _rootOrigin;
    private readonly Func<string, string?> _environment;

    private Resolver(ObjectNode root, HoconOrigin rootOrigin, Func<string, string?> environment)
    {
        _root = root;
        _rootOrigin = rootOrigin;
        _environment = environment;
    }

    /// <summary>Resolves the whole configuration; <paramref name="environment"/> answers substitutions the configuration lacks.</summary>
    public static HoconObject Resolve(ObjectNode root, HoconOrigin rootOrigin, Func<string, string?> environment)
    {
        var resolver = new Resolver(root, rootOrigin, environment);
        return (HoconObject)resolver.ResolveStack(KeyPath.Root, [resolver.RootEntry])!;
    }

    private StackEntry RootEntry => new(_root, null, _rootOrigin);

    /// <summary>The value of a key from its merge stack (oldest first), or null when nothing defined it.</summary>
    private HoconValue? ResolveStack(KeyPath path, List<StackEntry> stack)
    {
        var objects = ObjectRun(path, stack, out var nonObject);
        if (nonObject is not null)
            return nonObject;
        if (objects.Count == 0)
            return null;
        if (objects.Count == 1 && objects[0].Value is HoconObject resolved)
            return resolved.WithOrigin(objects[0].KeyOrigin);

        var fields = new OrderedDictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var key in KeysInOrder(objects))
        {
            var value = ResolveStack(path.Child(key), ChildStack(objects, key));
            if (value is not null)
                fields.Add(key, value);
        }

        return new HoconObject(fields, objects[0].KeyOrigin);
    }

    /// <summary>
    /// The objects that merge into the key's value, top first: from the top of the stack down to
    /// the first value that is not an object. When the top value is not an object it is returned
    /// in <paramref name="nonObject"/> instead.
    /// </summary>
    private List<StackEntry> ObjectRun(KeyPath path, List<StackEntry> stack, out HoconValue? nonObject)
    {
        var objects = new List<StackEntry>();
        nonObject = null;
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var entry = stack[i];
            if (entry.Node is ObjectNode || entry.Value is HoconObject)
            {
                objects.Add(entry);
                continue;
            }

            var value = entry.Value ?? ResolveNode(entry.Node!, path, isField: true, entry.KeyOrigin);
            if (value is null)
                continue;
            if (value is HoconObject)
            {
                objects.Add(new StackEntry(null, value, entry.KeyOrigin));
                continue;
            }

            if (objects.Count == 0)
                nonObject = value;
            break;
        }

        return objects;
    }

    /// <summary>Every key of the merging objects, in the order the keys first appeared.</summary>
    private static List<string> KeysInOrder(List<StackEntry> objects)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>();
        for (var i = objects.Count - 1; i >= 0; i--)
        {
            var names = objects[i].Node is ObjectNode node ? node.Fields.Keys : ((HoconObject)objects[i].Value!).Fields.Keys;
            foreach (var name in names)
            {
                if (seen.Add(name))
                    keys.Add(name);
            }
        }

        return keys;
    }

    /// <summary>The merge stack of one key across the merging objects, oldest first.</summary>
    private static List<StackEntry> ChildStack(List<StackEntry> objects, string key)
    {
        var stack = new List<StackEntry>();
        for (var i = objects.Count - 1; i >= 0; i--)
        {
            if (objects[i].Node is ObjectNode node)
            {
                if (node.Fields.TryGetValue(key, out var assignments))
                    stack.AddRange(assignments.Select(StackEntry.Of));
            }
            else if (((HoconObject)objects[i].Value!).Fields.TryGetValue(key, out var value))
            {
                stack.Add(StackEntry.Of(value));
            }
        }

        return stack;
    }

    /// <summary>
    /// One syntax node's value, located at <paramref name="origin"/>; null for an undefined
    /// optional substitution. <paramref name="isField"/> says whether it is a field's value
    /// (and so may refer back to the field's earlier value).
    /// </summary>
    private HoconValue? ResolveNode(SyntaxNode node, KeyPath path, bool isField, HoconOrigin origin) => node switch
    {
        ScalarNode scalar => new HoconScalar(scalar.Kind, scalar.Text, origin),
        ObjectNode obj => ResolveStack(path, [new StackEntry(obj, null, origin)]),
        ArrayNode array => ResolveArray(array, path, origin),
        SubstitutionNode or ConcatenationNode => ResolveInFrame(node, path, isField)?.WithOrigin(origin),
        _ => throw new InvalidOperationException($"{node.GetType().Name} cannot stand alone as a value"),
    };

    private HoconArray ResolveArray(ArrayNode array, KeyPath path, HoconOrigin origin)
    {
        var items = new List<HoconValue>(array.Elements.Count);
        for (var i = 0; i < array.Elements.Count; i++)
        {
            var element = array.Elements[i];
            var value = ResolveNode(element, path.Element(i), isField: false, element.Origin);
            if (value is not null)
                items.Add(value);
        }

        return new HoconArray(items, origin);
    }

    private HoconValue? ResolveConcatenation(ConcatenationNode concatenation, KeyPath path)
    {
        var parts = new List<Concatenation.Part>(concatenation.Parts.Count);
        foreach (var part in concatenation.Parts)
        {
            parts.Add(part switch
            {
                WhitespaceNode whitespace => new Concatenation.Part(null, whitespace.Text, part.Origin),
                SubstitutionNode substitution => new Concatenation.Part(Substitute(substitution), null, part.Origin),
                _ => new Concatenation.Part(ResolveNode(part, path, isField: false, part.Origin), null, part.Origin),
            });
        }

        return Concatenation.Join(parts, concatenation.Origin, NullIfRoot(path));
    }

    private static string? NullIfRoot(KeyPath path) => path.Display.Length == 0 ? null : path.Display;
}
