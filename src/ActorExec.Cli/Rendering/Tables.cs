using Spectre.Console;

namespace ActorExec.Cli.Rendering;

/// <summary>One table look for every command, and rows whose text is never read as Spectre markup.</summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }
        return table;
    }

    /// <summary>Adds a row of plain text: a market called "[red]" prints as "[red]", not as a colour.</summary>
    public static Table AddTextRow(this Table table, params string[] cells) =>
        table.AddRow(cells.Select(cell => new Text(cell)));

    /// <summary>A two-column key/value block, keys left, for one document's scalar fields.</summary>
    public static Grid Facts(params (string Key, string Value)[] facts)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (key, value) in facts)
        {
            grid.AddRow(new Text(key), new Text(value));
        }
        return grid;
    }
}
