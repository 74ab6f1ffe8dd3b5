using System.Text;
using ActorExec.Venues.Http;
using ActorExec.Venues.Polymarket;

namespace ActorExec.Venues.Tests.Polymarket;

public sealed class PolymarketErrorsSpec
{
    [Fact]
    public void Read_404WithTheClobsErrorBody_IsNotFound()
    {
        var error = PolymarketErrors.Read(Answer(404, """{"error":"order 0xabc not found"}"""));

        error.Should().BeOfType<VenueNotFound>().Which.Message.Should().Contain("order 0xabc not found");
    }

    [Fact]
    public void Read_Bare404_IsLeftToTheStatusRulesNeverNotFound()
    {
        // A proxy or a wrong path says nothing about the order; NotFound would let recovery place it again.
        PolymarketErrors.Read(Answer(404, "<html>404 Not Found</html>")).Should().BeNull();
    }

    [Theory]
    [InlineData("""{"errorMsg":"INVALID_ORDER_MIN_TICK_SIZE"}""", "INVALID_ORDER_MIN_TICK_SIZE")]
    [InlineData("""{"error":"order 0x1 is invalid. Duplicated."}""", "INVALID_ORDER_DUPLICATED")]
    [InlineData("""{"error":"something else"}""", "http_400")]
    public void Read_400_IsRejectedWithTheClobsCode(string body, string code)
        => PolymarketErrors.Read(Answer(400, body)).Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(code);

    private static VenueHttpAnswer Answer(int status, string body) => new("GET http://127.0.0.1/data/order/0xabc", status, null, Encoding.UTF8.GetBytes(body));
}
