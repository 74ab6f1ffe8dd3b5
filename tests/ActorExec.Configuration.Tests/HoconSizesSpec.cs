namespace ActorExec.Configuration.Tests;

/// <summary>"Size in bytes format" in HOCON.md: powers of ten, powers of two, and clear errors.</summary>
public sealed class HoconSizesSpec
{
    [Theory]
    [InlineData("B"), InlineData("b"), InlineData("byte"), InlineData("bytes")]
    public void Parse_ByteUnits_AreBytes(string unit) => HoconSizes.Parse($"7{unit}").Should().Be(7);

    [Theory]
    [InlineData("kB", 1), InlineData("kilobyte", 1), InlineData("kilobytes", 1)]
    [InlineData("MB", 2), InlineData("megabyte", 2), InlineData("megabytes", 2)]
    [InlineData("GB", 3), InlineData("gigabyte", 3), InlineData("gigabytes", 3)]
    [InlineData("TB", 4), InlineData("terabyte", 4), InlineData("terabytes", 4)]
    [InlineData("PB", 5), InlineData("petabyte", 5), InlineData("petabytes", 5)]
    [InlineData("EB", 6), InlineData("exabyte", 6), InlineData("exabytes", 6)]
    public void Parse_PowerOfTenUnits_MultiplyBy1000(string unit, int power) =>
        HoconSizes.Parse($"1 {unit}").Should().Be((long)Math.Pow(1000, power));

    [Theory]
    [InlineData("K", 1), InlineData("k", 1), InlineData("Ki", 1), InlineData("KiB", 1), InlineData("kibibyte", 1), InlineData("kibibytes", 1)]
    [InlineData("M", 2), InlineData("m", 2), InlineData("Mi", 2), InlineData("MiB", 2), InlineData("mebibyte", 2), InlineData("mebibytes", 2)]
    [InlineData("G", 3), InlineData("g", 3), InlineData("Gi", 3), InlineData("GiB", 3), InlineData("gibibyte", 3), InlineData("gibibytes", 3)]
    [InlineData("T", 4), InlineData("t", 4), InlineData("Ti", 4), InlineData("TiB", 4), InlineData("tebibyte", 4), InlineData("tebibytes", 4)]
    [InlineData("P", 5), InlineData("p", 5), InlineData("Pi", 5), InlineData("PiB", 5), InlineData("pebibyte", 5), InlineData("pebibytes", 5)]
    [InlineData("E", 6), InlineData("e", 6), InlineData("Ei", 6), InlineData("EiB", 6), InlineData("exbibyte", 6), InlineData("exbibytes", 6)]
    public void Parse_PowerOfTwoUnits_MultiplyBy1024(string unit, int power) =>
        HoconSizes.Parse($"1{unit}").Should().Be(1L << (10 * power));

    [Theory]
    [InlineData("512k", 524_288)]
    [InlineData("10 MiB", 10_485_760)]
    [InlineData("1GB", 1_000_000_000)]
    [InlineData("1.5k", 1536)]
    [InlineData("4096", 4096)]
    [InlineData(" 2 kB ", 2000)]
    public void Parse_CommonSizes_GiveBytes(string value, long bytes) => HoconSizes.Parse(value).Should().Be(bytes);

    [Theory]
    [InlineData("10 KB", "'10 KB' is not a size: unknown unit 'KB' (use B, kB/MB/GB/TB... for powers of 1000, K/M/G/T... or KiB/MiB/GiB/TiB... for powers of 1024; e.g. 512k, 10MiB, 1GB)")]
    [InlineData("MiB", "'MiB' is not a size: expected a number with an optional unit, e.g. 512k, 10MiB, 1GB")]
    [InlineData("-1k", "'-1k' is not a size: sizes cannot be negative")]
    [InlineData("1 ZiB", "'1 ZiB' is not a size: it is more than 9223372036854775807 bytes")]
    [InlineData("1 YB", "'1 YB' is not a size: it is more than 9223372036854775807 bytes")]
    public void Parse_Malformed_NamesTheValueAndTheValidUnits(string value, string message)
    {
        var parse = () => HoconSizes.Parse(value);

        parse.Should().Throw<FormatException>().WithMessage(message);
    }
}
