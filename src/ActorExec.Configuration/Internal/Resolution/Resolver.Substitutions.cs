using System.Runtime.CompilerServices;
using ActorExec.Configuration.Internal.Syntax;

namespace ActorExec.Configuration.Internal.Resolution;

/// <summary>
/// Substitution lookups, the self-reference cut, memoization and cycle detection.
/// Each substitution or concatenation is resolved in a frame. A lookup of path Q walks the merge
/// stacks from the root; for every frame that is a field value at a path P with P a prefix of Q,
/// the stack at P is cut just beneath that frame's node — so <c>a = ${a} [x]</c> sees the earlier
/// <c>a</c>, and <c>bar = ${foo}, foo = ${bar}</c> runs out of values and is reported as a cycle.
/// Results are memoized per node, unless they depended on a cut of an enclosing frame.
/// </summary>
internal sealed partial class Resolver
{
    /// <summary>Deeper nesting than this is a runaway chain, reported before the process stack runs out.</summary>
    private const int MaxFrames = 512;

    private readonly List<ResolutionFrame> _frames = [];
    private readonly HashSet<SyntaxNode> _active = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);

    private ResolutionFrame Top => _frames[^1];

    private HoconValue? ResolveInFrame(SyntaxNode node, KeyPath path, bool isField)
    {
        if (_memo.TryGetValue(node, out var memoized))
            return memoized;
        if (_active.Contains(node))
            throw Reentered(node);
        if (_frames.Count >= MaxFrames || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new HoconException(node.Origin, NullIfRoot(path), $"substitutions nest too deep ({_frames.Count} levels)");

        var frame = new ResolutionFrame(node, path, isField && path.Addressable, _frames.Count);
        _frames.Add(frame);
        _active.Add(node);
        HoconValue? result;
        try
        {
            result = node is SubstitutionNode substitution
                ? Substitute(substitution)
                : ResolveConcatenation((ConcatenationNode)node, path);
        }
        finally
        {
            _frames.RemoveAt(_frames.Count - 1);
            _active.Remove(node);
        }

        if (frame.IsContextFree)
            _memo[node] = result;
        else if (_frames.Count > 0)
            Top.DependsOnFrame = Math.Min(Top.DependsOnFrame, frame.DependsOnFrame);
        return result;
    }

    private SubstitutionCycle Reentered(SyntaxNode node)
    {
        var depth = _frames.FindIndex(f => ReferenceEquals(f.Node, node));
        return new SubstitutionCycle(depth, _frames.Skip(depth).Select(f => Quote(f.Path)).ToList());
    }

    /// <summary>The value of one substitution; null when an optional one is undefined.</summary>
    private HoconValue? Substitute(SubstitutionNode substitution)
    {
        var frame = Top;
        LookupResult result;
        try
        {
            result = Lookup(substitution);
        }
        catch (SubstitutionCycle cycle) when (substitution.Optional)
        {
            DependOn(cycle.ReenteredDepth);
            return null;
        }
        catch (SubstitutionCycle cycle)
        {
            var reason = cycle.ReenteredDepth == frame.Depth
                ? $"substitution {substitution.Display} refers to an object that contains this very key"
                : $"substitution cycle: {string.Join(" -> ", cycle.Chain.Append(cycle.Chain[0]))}";
            throw new HoconException(substitution.Origin, NullIfRoot(frame.Path), reason);
        }

        if (result.Value is not null || substitution.Optional)
            return result.Value;
        throw Undefined(substitution, frame, result.CutBy);
    }

    private HoconException Undefined(SubstitutionNode substitution, ResolutionFrame frame, int cutBy)
    {
        var key = NullIfRoot(frame.Path);
        if (cutBy == frame.Depth)
        {
            return new HoconException(substitution.Origin, key,
                $"substitution {substitution.Display} refers to its own key, which has no earlier value to build on (use ${{?...}} if it may be absent)");
        }

        if (cutBy >= 0)
        {
            var chain = _frames.Skip(cutBy).Select(f => Quote(f.Path)).Append(Quote(_frames[cutBy].Path));
            return new HoconException(substitution.Origin, key, $"substitution cycle: {string.Join(" -> ", chain)}");
        }

        return new HoconException(substitution.Origin, key,
            $"substitution {substitution.Display} is undefined (no such key in the configuration and no environment variable '{KeyPath.Render(substitution.Path)}')");
    }

    /// <summary>A found value (possibly the null token), or nothing; <see cref="CutBy"/> names the frame whose cut emptied the path, or -1.</summary>
    private readonly record struct LookupResult(HoconValue? Value, int CutBy);

    /// <summary>
    /// Looks the path up where the including object put it first (for included files), then from
    /// the root, then in the environment. A key set to null is found (and blocks the environment).
    /// </summary>
    private LookupResult Lookup(SubstitutionNode substitution)
    {
        var cutBy = -1;
        if (substitution.IncludePrefix.Length > 0)
        {
            var fixedUp = LookupPath([.. substitution.IncludePrefix, .. substitution.Path]);
            if (fixedUp.Value is not null)
                return fixedUp;
            cutBy = fixedUp.CutBy;
        }

        var fromRoot = LookupPath(substitution.Path);
        if (fromRoot.Value is not null)
            return fromRoot;
        var variable = _environment(KeyPath.Render(substitution.Path));
        if (variable is not null)
            return new LookupResult(new HoconScalar(HoconScalarKind.String, variable, substitution.Origin), -1);
        return new LookupResult(null, Math.Max(cutBy, fromRoot.CutBy));
    }

    private LookupResult LookupPath(string[] path)
    {
        var cuts = CutsFor(path);
        var stack = new List<StackEntry> { RootEntry };
        var at = KeyPath.Root;
        var cutBy = -1;
        for (var i = 0; i < path.Length; i++)
        {
            var objects = ObjectRun(at, stack, out _);
            if (objects.Count == 0)
                return new LookupResult(null, cutBy);
            at = at.Child(path[i]);
            stack = ChildStack(objects, path[i]);
            if (cuts is not null && ApplyCuts(stack, cuts, i + 1) is var cut and >= 0)
            {
                cutBy = Math.Max(cutBy, cut);
                DependOn(cut);
            }

            if (stack.Count == 0)
                return new LookupResult(null, cutBy);
        }

        return new LookupResult(ResolveStack(at, stack), cutBy);
    }

    /// <summary>The frames whose field lies on <paramref name="path"/> (at it or above it): those that cut the lookup.</summary>
    private Dictionary<SyntaxNode, ResolutionFrame>? CutsFor(string[] path)
    {
        Dictionary<SyntaxNode, ResolutionFrame>? cuts = null;
        foreach (var frame in _frames)
        {
            if (frame.CutsItsField && KeyPath.StartsWith(path, frame.Path.Segments))
                (cuts ??= new(ReferenceEqualityComparer.Instance))[frame.Node] = frame;
        }

        return cuts;
    }

    /// <summary>
    /// Truncates the merge stack at the <paramref name="length"/>-segment path just beneath the
    /// lowest node that is being resolved as a field there; returns that frame's depth, or -1.
    /// </summary>
    private static int ApplyCuts(List<StackEntry> stack, Dictionary<SyntaxNode, ResolutionFrame> cuts, int length)
    {
        for (var position = 0; position < stack.Count; position++)
        {
            if (stack[position].Node is { } node && cuts.TryGetValue(node, out var frame) && frame.Path.Segments.Length == length)
            {
                stack.RemoveRange(position, stack.Count - position);
                return frame.Depth;
            }
        }

        return -1;
    }

    /// <summary>Records that the current frame's result depends on the frame at <paramref name="depth"/>.</summary>
    private void DependOn(int depth) => Top.DependsOnFrame = Math.Min(Top.DependsOnFrame, depth);

    private static string Quote(KeyPath path) => $"'{path.Display}'";
}
