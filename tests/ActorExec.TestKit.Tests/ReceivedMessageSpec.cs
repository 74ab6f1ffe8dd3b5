using System.Text.RegularExpressions;

namespace ActorExec.TestKit.Tests;

/// <summary>The record of one arrival: message, sender, real time of arrival, and how failures print it.</summary>
public sealed class ReceivedMessageSpec : TestKit
{
    private sealed record Ping(int N);

    [Fact]
    public void ToString_StringMessage_QuotesItAndNamesSenderAndTime()
    {
        var received = new ReceivedMessage("hi", Sys.DeadLetters, TimeSpan.FromMilliseconds(12.4));

        received.ToString().Should().Be("\"hi\" from /deadLetters at +12 ms");
    }

    [Fact]
    public void ToString_OtherMessage_NamesTypeAndValue()
    {
        var received = new ReceivedMessage(new Ping(3), TestActor, TimeSpan.FromMilliseconds(1500));

        received.ToString().Should().Be("Ping Ping { N = 3 } from /system/testActor at +1500 ms");
    }

    [Fact]
    public void Equality_SameParts_AreEqual()
    {
        var a = new ReceivedMessage("m", TestActor, TimeSpan.FromMilliseconds(5));

        a.Should().Be(new ReceivedMessage("m", TestActor, TimeSpan.FromMilliseconds(5)));
        a.Should().NotBe(a with { Sender = Sys.DeadLetters });
    }

    [Fact]
    public void Sender_MessageToldWithoutSender_IsDeadLetters()
    {
        TestActor.Tell("anonymous", null);

        var received = ReceiveOne();

        received.Sender.Should().Be(Sys.DeadLetters);
        received.ToString().Should().MatchRegex("^\"anonymous\" from /deadLetters at \\+\\d+ ms$");
    }

    [Fact]
    public void Sender_MessageFromProbe_IsTheProbe()
    {
        var probe = CreateTestProbe("teller");

        probe.Send(TestActor, new Ping(1));

        var received = ReceiveOne();
        received.Sender.Should().Be(probe.Ref);
        received.Message.Should().Be(new Ping(1));
        received.ToString().Should().StartWith("Ping Ping { N = 1 } from /system/teller at +");
    }

    [Fact]
    public void ArrivedAfter_SuccessiveMessages_IsNonNegativeAndNonDecreasing()
    {
        TestActor.Tell(1, null);
        ReceiveOne();
        var first = LastReceived!.ArrivedAfter;
        ExpectNoMsg(TimeSpan.FromMilliseconds(60)); // some real time passes between the two arrivals
        TestActor.Tell(2, null);
        var second = ReceiveOne().ArrivedAfter;

        first.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
        second.Should().BeGreaterThanOrEqualTo(first + TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void ToString_InFailureHistory_MatchesRecordFormat()
    {
        TestActor.Tell("seen", null);
        var seen = ReceiveOne();

        var act = () => ReceiveOne(TimeSpan.FromMilliseconds(100));

        var failure = act.Should().Throw<XunitException>().Which;
        Regex.IsMatch(failure.Message, "\"seen\" from /deadLetters at \\+\\d+ ms").Should().BeTrue();
        failure.Message.Should().Contain(seen.ToString());
    }
}
