using System.CommandLine;
using System.Globalization;

namespace ActorExec.Cli.Commands;

/// <summary>An optional whole-number option that must be at least 1 (depth, limit, count).</summary>
internal static class CountOption
{
    public static Option<int?> Create(string name, string description)
    {
        return new Option<int?>(name)
        {
            Description = description,
            HelpName = "N",
            // A parser rather than a validator: System.CommandLine runs validators even on a value it
            // could not convert, and reading that value then throws instead of reporting.
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
                {
                    return count;
                }
                result.AddError($"{name} must be a whole number of at least 1, not '{text}'");
                return null;
            },
        };
    }
}
