using System.Text.Json;
using ActorExec.Cli.Tests.Fakes;
using ActorExec.Inspection;

namespace ActorExec.Cli.Tests.Commands;

public sealed class ClusterCommandsSpec : FakeNodeSpec
{
    [Fact]
    public async Task ClusterShow_ThreeUpOneDead_PrintsTheHeaderMembersUpFirstAndTheSummary()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("cluster", "show");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be(string.Join(Environment.NewLine,
            "schema actorexec, 256 shards; answered by node-a #3 (marked *)",
            "",
            "  Node       Incarnation   Address          Status   Heartbeat age                                      Shards",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "  node-a *   3             10.0.0.11:9120   up       0.4 s                                              85",
            "  node-b     5             10.0.0.12:9120   up       0.9 s                                              85",
            "  node-c     7             10.0.0.13:9120   up       0.2 s                                              86",
            "  node-d     2             10.0.0.14:9120   dead     missed heartbeats for 10.0 s (lease timeout 3 s)   0",
            "3 up, 1 dead; 256 shards, spread 85/85/86",
            ""));
        Node.SingleRequest.Should().BeEquivalentTo(new RecordedRequest("GET", InspectionRoutes.Cluster, new Dictionary<string, string>(), null),
            o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public async Task ClusterShow_MidHandOff_ShowsLeavingAgesLeftReasonsAndUnownedShards()
    {
        var cluster = Samples.Cluster() with
        {
            SelfNodeId = "node-b",
            SelfIncarnation = 5,
            Members =
            [
                new ClusterMemberInfo("node-c", 6, "10.0.0.13:9120", "left", Samples.Started, 3600, 0, "left on request"),
                new ClusterMemberInfo("node-c", 7, "10.0.0.13:9120", "leaving", Samples.Started, 75, 50, null),
                new ClusterMemberInfo("node-b", 5, "10.0.0.12:9120", "up", Samples.Started, 1.06, 100, null),
                new ClusterMemberInfo("node-a", 3, "10.0.0.11:9120", "up", Samples.Started, 0.4, 100, null),
                new ClusterMemberInfo("node-d", 2, "10.0.0.14:9120", "dead", Samples.Started, 12, 0, null),
            ],
        };
        Node.ServeCluster(cluster, Samples.Shards());

        var result = await RunAsync("cluster", "show");

        result.ExitCode.Should().Be(0, result.Stderr);
        var rows = result.Stdout.Split(Environment.NewLine);
        rows[0].Should().Be("schema actorexec, 256 shards; answered by node-b #5 (marked *)");
        rows[4].Should().MatchRegex(@"^  node-a\s+3\s+10.0.0.11:9120\s+up\s+0.4 s\s+100$");
        rows[5].Should().MatchRegex(@"^  node-b \*\s+5\s+10.0.0.12:9120\s+up\s+1.1 s\s+100$");
        rows[6].Should().MatchRegex(@"^  node-c\s+7\s+10.0.0.13:9120\s+leaving\s+1m 15s\s+50$", "a leaving member still heartbeats");
        rows[7].Should().MatchRegex(@"^  node-c\s+6\s+10.0.0.13:9120\s+left\s+left on request\s+0$");
        rows[8].Should().MatchRegex(@"^  node-d\s+2\s+10.0.0.14:9120\s+dead\s+12.0 s\s+0$", "without a reason the age is all there is");
        rows[9].Should().Be("2 up, 1 leaving, 1 left, 1 dead; 256 shards, spread 100/100/50, 6 unowned");
    }

    [Fact]
    public async Task ClusterShow_Json_PrintsTheContractSerializationThatParsesBack()
    {
        var cluster = Samples.Cluster();
        Node.ServeCluster(cluster, Samples.Shards());

        var result = await RunAsync("cluster", "show", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.TrimEnd().Should().Be(JsonSerializer.Serialize(cluster, InspectionJson.Options));
        result.Stdout.Should().ContainAll("\"shard_count\": 256", "\"self_incarnation\": 3", "\"heartbeat_age_seconds\": 0.93");
        JsonSerializer.Deserialize<ClusterInfo>(result.Stdout, InspectionJson.Options)
            .Should().BeEquivalentTo(cluster, o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public async Task ShardsShow_AllShards_PrintsARowPerShardThenThePerOwnerCounts()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("shards", "show");

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.TrimEnd().Split(Environment.NewLine);
        lines[0].Should().MatchRegex(@"^  Shard\s+Owner\s+Epoch\s+Lease\s+Expires$");
        lines.Should().HaveCount(2 + 256 + 1, "a header, a rule, 256 rows, the counts");
        lines[2].Should().MatchRegex(@"^  0\s+node-c #7\s+1\s+valid\s+2025-06-01 12:00:10Z$");
        lines[2 + 101].Should().MatchRegex(@"^  101\s+node-b #5\s+2\s+valid\s+2025-06-01 12:00:10Z$");
        lines[2 + 254].Should().MatchRegex(@"^  254\s+node-d #2\s+2\s+expired\s+2025-06-01 11:59:57Z$");
        lines[2 + 255].Should().MatchRegex(@"^  255\s+-\s+4\s+unowned\s+-$");
        lines[^1].Should().Be("256 shards: node-a #3 85, node-b #5 84, node-c #7 85, node-d #2 1 (1 expired), unowned 1");
        Node.SingleRequest.Query.Should().BeEmpty();
    }

    [Fact]
    public async Task ShardsShow_WithOwner_AsksTheNodeForThatOwnersShardsOnly()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("shards", "show", "--owner", "node-b");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Query.Should().Equal(new Dictionary<string, string> { ["owner"] = "node-b" });
        var lines = result.Stdout.TrimEnd().Split(Environment.NewLine);
        lines[2].Should().MatchRegex(@"^  2\s+node-b #5\s+1\s+valid");
        lines[^1].Should().Be("84 shards: node-b #5 84");
        result.Stdout.Should().NotContain("node-a").And.NotContain("unowned");
    }

    [Fact]
    public async Task ShardsShow_OwnerHoldingNothing_SaysSo()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("shards", "show", "--owner", "node-z");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be("no shards." + Environment.NewLine);
    }

    [Fact]
    public async Task ShardsShow_Json_ParsesBackIntoShardInfos()
    {
        var shards = Samples.Shards();
        Node.ServeCluster(Samples.Cluster(), shards);

        var result = await RunAsync("shards", "show", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("\"lease_valid\": false").And.Contain("\"owner_incarnation\": 7");
        JsonSerializer.Deserialize<List<ShardInfo>>(result.Stdout, InspectionJson.Options)
            .Should().BeEquivalentTo(shards, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public async Task ClusterLeave_UpMemberWithAToken_PostsWithTheTokenAndSaysWhatHappensNext()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("cluster", "leave", "node-c", "--token", "s3cret");

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Should().BeEquivalentTo(
            new RecordedRequest("POST", InspectionRoutes.ClusterLeave("node-c"), new Dictionary<string, string>(), "Bearer s3cret"),
            o => o.ComparingRecordsByMembers());
        result.Stdout.Should().Be($"node-c #7 is leaving: 86 shards to hand off; it exits when they are handed off{Environment.NewLine}");
    }

    [Fact]
    public async Task ClusterLeave_TokenFromTheEnvironment_IsSent()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await CliRun.RunAsync(
            new Dictionary<string, string> { ["ACTOREXEC_TOKEN"] = "from-env" }, "cluster", "leave", "node-b", "--node", Node.Address);

        result.ExitCode.Should().Be(0, result.Stderr);
        Node.SingleRequest.Authorization.Should().Be("Bearer from-env");
    }

    [Fact]
    public async Task ClusterLeave_Json_PrintsTheLeaveResult()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("cluster", "leave", "node-a", "--token", "s3cret", "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        JsonSerializer.Deserialize<LeaveResult>(result.Stdout, InspectionJson.Options)
            .Should().Be(new LeaveResult("node-a", 3, "leaving", 85));
        result.Stdout.Should().Contain("\"shards_to_hand_off\": 85");
    }

    [Theory]
    [InlineData(0, "node-c #7 is leaving: no shards to hand off; it exits now")]
    [InlineData(1, "node-c #7 is leaving: 1 shard to hand off; it exits when it is handed off")]
    public async Task ClusterLeave_FewShards_SaysSoInWords(int shards, string expected)
    {
        Node.Serve("POST", InspectionRoutes.ClusterLeave("node-c"), new LeaveResult("node-c", 7, "leaving", shards));

        var result = await RunAsync("cluster", "leave", "node-c", "--token", "s3cret");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be(expected + Environment.NewLine);
    }

    [Fact]
    public async Task ClusterLeave_WithoutAToken_ExitsFourSayingNoneWasSent()
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("cluster", "leave", "node-c");

        result.ExitCode.Should().Be(4);
        result.Stderr.Should().StartWith("error: the node refused the token (none was sent) for POST /api/v1/cluster/leave/node-c");
    }

    [Theory]
    [InlineData("node-d", "dead")]
    [InlineData("node-z", "unknown")]
    public async Task ClusterLeave_NotAnUpMember_ExitsFiveNamingTheIdAndTheUpMembers(string nodeId, string why)
    {
        Node.ServeCluster(Samples.Cluster(), Samples.Shards());

        var result = await RunAsync("cluster", "leave", nodeId, "--token", "s3cret");

        result.ExitCode.Should().Be(5, why);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be(
            $"error: no up member '{nodeId}' in the cluster; up members: node-a, node-b, node-c{Environment.NewLine}");
    }

    [Fact]
    public async Task ClusterLeave_WithoutANodeId_IsAUsageErrorWithoutARequest()
    {
        var result = await RunAsync("cluster", "leave", "--token", "s3cret");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Be(string.Join(Environment.NewLine,
            "error: Required argument 'node-id' missing for command: 'leave'.",
            "(actorexec --help for usage)",
            ""));
        Node.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ClusterLeave_BlankNodeId_IsAUsageErrorWithoutARequest()
    {
        var result = await RunAsync("cluster", "leave", " ", "--token", "s3cret");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("error: cluster leave needs a node id, not a blank one: actorexec cluster leave <node-id>");
        Node.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("cluster", "show")]
    [InlineData("shards", "show")]
    [InlineData("shards", "show", "--owner", "node-a")]
    [InlineData("cluster", "leave", "node-a", "--token", "s3cret")]
    public async Task Command_NodeRunsAlone_ExitsSixWithTheNodesAdviceOnOneLine(params string[] args)
    {
        Node.ServeNotClustered();

        var result = await RunAsync(args);

        result.ExitCode.Should().Be(6);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Be(
            $"error: this node runs alone (persistence: sqlite); start it with --profile cluster to join a cluster{Environment.NewLine}");
    }
}
