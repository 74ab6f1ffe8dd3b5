namespace ActorExec.Actors.Internal;

/// <summary>Creating, naming, stopping and supervising children.</summary>
internal sealed partial class ActorCell
{
    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    private CellExtras Extras => _extras ?? CreateExtras();

    private CellExtras CreateExtras()
    {
        var created = new CellExtras();
        return Interlocked.CompareExchange(ref _extras, created, null) ?? created;
    }

    /// <summary>The children by name; lock it to read or change it, or to change the lifecycle to Terminating.</summary>
    private Dictionary<string, ActorCell> ChildrenContainer
    {
        get
        {
            var extras = Extras;
            return extras.Children ?? CreateChildren(extras);
        }
    }

    /// <summary>Makes this cell safe for ActorOf from other threads (guardians): see BeginTerminate.</summary>
    public void AcceptChildrenFromAnyThread() => _ = ChildrenContainer;

    /// <summary>Creates and starts a child; guardians accept this from any thread.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        var extras = Extras;
        ActorCell child;
        var children = ChildrenContainer;
        lock (children)
        {
            if (_lifecycle is Lifecycle.Terminating or Lifecycle.Terminated)
                throw new InvalidOperationException($"{_self.Path} is stopping and cannot create children");
            name = name is null ? NextGeneratedName(extras) : ValidateName(name);
            child = new ActorCell(_system, this, props, name);
            if (!children.TryAdd(name, child))
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {_self.Path}");
        }
        child.Start();
        return child._self;
    }

    private static Dictionary<string, ActorCell> CreateChildren(CellExtras extras)
    {
        var created = new Dictionary<string, ActorCell>(StringComparer.Ordinal);
        return Interlocked.CompareExchange(ref extras.Children, created, null) ?? created;
    }

    private static string NextGeneratedName(CellExtras extras)
    {
        // Called under the children lock; generated names start with '$' so they never clash with given ones.
        var number = (uint)++extras.NameCounter;
        Span<char> buffer = stackalloc char[8];
        buffer[0] = '$';
        var length = 1;
        do
        {
            buffer[length++] = NameAlphabet[(int)(number & 63)];
            number >>= 6;
        }
        while (number != 0);
        return new string(buffer[..length]);
    }

    private string ValidateName(string name)
    {
        if (name.Length == 0)
            throw new InvalidActorNameException($"Actor name under {_self.Path} must not be empty");
        if (name.StartsWith('$'))
            throw new InvalidActorNameException($"Actor name '{name}' under {_self.Path} must not start with '$' (reserved for generated names)");
        foreach (var c in name)
        {
            if (c == '/' || char.IsWhiteSpace(c) || char.IsControl(c))
                throw new InvalidActorNameException($"Actor name '{name}' under {_self.Path} contains an invalid character '{c}'");
        }
        return name;
    }

    /// <summary>A snapshot of the live children (including those stopping).</summary>
    public List<ActorCell> ChildCells()
    {
        var children = _extras?.Children;
        if (children is null)
            return [];
        lock (children)
            return [.. children.Values];
    }

    public ActorCell? ChildCell(string name)
    {
        var children = _extras?.Children;
        if (children is null)
            return null;
        lock (children)
            return children.GetValueOrDefault(name);
    }

    private bool HasChildren
    {
        get
        {
            var children = _extras?.Children;
            if (children is null)
                return false;
            lock (children)
                return children.Count > 0;
        }
    }

    private bool IsChild(ActorCell cell) => cell._parent == this && ChildCell(cell._self.Name) == cell;

    /// <summary>Asks a child to stop and remembers that we are waiting for it.</summary>
    public void StopChild(ActorCell child)
    {
        (Extras.Stopping ??= []).Add(child);
        child.SendSystemMessage(new Terminate());
    }

    private void HandleChildTerminated(ActorCell child)
    {
        var extras = Extras;
        var children = extras.Children;
        if (children is not null)
        {
            lock (children)
            {
                if (children.TryGetValue(child._self.Name, out var current) && current == child)
                    children.Remove(child._self.Name);
                // A parent that once had very many children should not keep their table forever.
                if (children.Count == 0 && children.EnsureCapacity(0) > 1024)
                    children.TrimExcess();
            }
        }
        extras.Stopping?.Remove(child);
        extras.RestartStats?.Remove(child);

        if (_lifecycle == Lifecycle.Terminating && !HasChildren)
            FinishTerminate();
        else if (_lifecycle == Lifecycle.Restarting && extras.Stopping is not { Count: > 0 })
            FinishRestart();
    }

    private void HandleChildFailure(ActorCell child, Exception cause)
    {
        if (!IsChild(child) || _lifecycle is Lifecycle.Terminating || _extras?.Stopping?.Contains(child) == true)
            return; // a child we no longer have, or one we are stopping anyway
        var strategy = Extras.SupervisorStrategy ??= _props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.Default;
        if (!strategy.HandleFailure(this, child, cause))
            HandleInvokeFailure(cause, message: null); // Escalate: we fail with the child's exception
    }

    public ChildRestartStats RestartStatsFor(ActorCell child)
    {
        var stats = Extras.RestartStats ??= [];
        if (!stats.TryGetValue(child, out var entry))
        {
            entry = new ChildRestartStats();
            stats.Add(child, entry);
        }
        return entry;
    }
}
