using System.Text.RegularExpressions;
using ActorExec.Trading.Orders;

namespace ActorExec.Trading.Tests;

/// <summary>The trading core stays pure: no kernel, no I/O packages, no clock reads.</summary>
public sealed partial class ArchitectureSpec
{
    [Fact]
    public void TradingAssembly_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(Order).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.Should().OnlyContain(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard",
            "ActorExec.Trading must not depend on the actor kernel or any I/O package, but references {0}", string.Join(", ", references));
    }

    [Fact]
    public void TradingSources_NeverReadTheClockOrDoIo()
    {
        var root = Path.Combine(TestPaths.RepositoryRoot(), "src", "ActorExec.Trading");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();
        offenders.Should().BeEmpty("time is passed in and the domain does no I/O");
    }

    [GeneratedRegex(@"\b(DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider|Stopwatch|Environment\.TickCount|File\.|Directory\.|Console\.|HttpClient|Socket)\b")]
    private static partial Regex Forbidden();
}
