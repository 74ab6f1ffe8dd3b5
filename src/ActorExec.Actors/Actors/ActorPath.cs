using System.Text;

namespace ActorExec.Actors;

/// <summary>The hierarchical address of an actor inside its system, such as <c>/user/markets/m-42</c>.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    /// <summary>The root of every path, written <c>/</c>.</summary>
    public static readonly ActorPath Root = new(null, "");

    private ActorPath(ActorPath? parent, string name)
    {
        Parent = parent;
        Name = name;
    }

    /// <summary>The enclosing path; null only for <see cref="Root"/>.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element (empty for the root).</summary>
    public string Name { get; }

    /// <summary>The path of a child with the given name.</summary>
    public ActorPath Child(string name) => new(this, name);

    /// <summary>The elements below the root, outermost first.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent)
                elements.Add(p.Name);
            elements.Reverse();
            return elements;
        }
    }

    /// <summary>Parses an absolute path such as <c>/user/a/b</c>.</summary>
    /// <exception cref="FormatException">The text is not an absolute path or has an empty element.</exception>
    public static ActorPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
            throw new FormatException($"Actor path '{path}' must start with '/'");
        var result = Root;
        foreach (var element in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            result = result.Child(element);
        if (path.Length > 1 && path.Contains("//", StringComparison.Ordinal))
            throw new FormatException($"Actor path '{path}' has an empty element");
        return result;
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        var a = this;
        var b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b))
                return true;
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
                return false;
            a = a.Parent;
            b = b.Parent;
        }
        return a is null && b is null;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p is not null; p = p.Parent)
            hash.Add(p.Name, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Parent is null)
            return "/";
        var builder = new StringBuilder();
        Append(builder, this);
        return builder.ToString();

        static void Append(StringBuilder builder, ActorPath path)
        {
            if (path.Parent is null)
                return;
            Append(builder, path.Parent);
            builder.Append('/').Append(path.Name);
        }
    }
}
