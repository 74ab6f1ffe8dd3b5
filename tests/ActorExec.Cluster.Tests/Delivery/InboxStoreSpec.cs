using ActorExec.Cluster.Delivery;
using ActorExec.Cluster.Tests.Fixtures;
using Npgsql;

namespace ActorExec.Cluster.Tests.Delivery;

public sealed class InboxStoreSpec : IAsyncLifetime
{
    private ClusterDatabase _db = null!;
    private InboxStore _inbox = null!;

    public async Task InitializeAsync()
    {
        _db = await ClusterDatabase.CreateAsync();
        _inbox = new InboxStore(_db.DataSource, _db.Options);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static InboxMessage Message(string text, string? replyTo = null) => new("test-text.v1", $"\"{text}\"", "m-1", replyTo);

    [Fact]
    public async Task AppendAsync_ThenRead_GivesGaplessPositionsFromOneInOrder()
    {
        var target = InboxTarget.Shard(3);

        (await _inbox.AppendAsync(target, [Message("a"), Message("b")], "node-a")).Should().Equal(1, 2);
        (await _inbox.AppendAsync(target, [Message("c", "node:7/user/strategy")], "node-b")).Should().Equal(3);

        var entries = await _inbox.ReadAsync(target, 0, 10);
        entries.Select(e => e.Position).Should().Equal(1, 2, 3);
        entries.Select(e => e.Message.Payload).Should().Equal("\"a\"", "\"b\"", "\"c\"");
        entries[2].Message.ReplyTo.Should().Be("node:7/user/strategy");
        entries[2].SenderNode.Should().Be("node-b");
        (await _inbox.ReadAsync(InboxTarget.Shard(4), 0, 10)).Should().BeEmpty("targets never see each other's messages");
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppenders_NeverLeaveAGapOrDuplicateAPosition()
    {
        var target = InboxTarget.Shard(1);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _inbox.AppendAsync(target, [Message($"x{i}"), Message($"y{i}")], $"node-{i % 3}")));

        var entries = await _inbox.ReadAsync(target, 0, 1000);
        entries.Select(e => e.Position).Should().Equal(Enumerable.Range(1, 40).Select(i => (long)i));
        // A writer's own messages stay in its order.
        foreach (var i in Enumerable.Range(0, 20))
        {
            var x = entries.Single(e => e.Message.Payload == $"\"x{i}\"").Position;
            entries.Single(e => e.Message.Payload == $"\"y{i}\"").Position.Should().Be(x + 1);
        }
    }

    [Fact]
    public async Task AdvanceAsync_MovesOnlyForwardAndDropsConsumedRows()
    {
        var target = InboxTarget.Node(42);
        await _inbox.AppendAsync(target, [Message("a"), Message("b"), Message("c")], "node-a");

        await _inbox.AdvanceAsync(target, 2);
        await _inbox.AdvanceAsync(target, 1);

        (await _inbox.ReadCursorAsync(target)).Should().Be(2);
        (await _inbox.ReadAsync(target, 0, 10)).Select(e => e.Position).Should().Equal(3);
        (await _inbox.ReadCursorAsync(InboxTarget.Node(43))).Should().Be(0);
    }

    [Fact]
    public async Task AppendAsync_NotifiesTheTargetOnCommit()
    {
        var target = InboxTarget.Shard(9);
        await using var listener = await _db.DataSource.OpenConnectionAsync();
        var woken = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => woken.TrySetResult(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN \"{_inbox.Channel}\"", listener))
            await listen.ExecuteNonQueryAsync();

        await _inbox.AppendAsync(target, [Message("a")], "node-a");

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!woken.Task.IsCompleted)
            await listener.WaitAsync(deadline.Token);
        (await woken.Task).Should().Be("shard:9");
    }

    [Theory]
    [InlineData("shard:7", "shard:7")]
    [InlineData("node:12", "node:12")]
    public void Parse_StoredForm_RoundTrips(string text, string expected) => InboxTarget.Parse(text).Value.Should().Be(expected);

    [Theory]
    [InlineData("shard:")]
    [InlineData("node:0")]
    [InlineData("queue:1")]
    [InlineData("shard:-1")]
    public void Parse_NotATarget_NamesTheText(string text)
        => FluentActions.Invoking(() => InboxTarget.Parse(text)).Should().Throw<FormatException>().WithMessage($"*'{text}'*");
}
