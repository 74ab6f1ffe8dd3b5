using System.CommandLine;

namespace ActorExec.Cli.Commands;

/// <summary>An optional whole-number option that must be at least 1 (depth, limit, count).</summary>
internal static class CountOption
{
    public static Option<int?> Create(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "N" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 and var value)
            {
                result.AddError($"{name} must be at least 1, not {value}");
            }
        });
        return option;
    }
}
