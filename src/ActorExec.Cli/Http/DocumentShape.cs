using System.Collections;
using System.Reflection;
using ActorExec.Inspection;

namespace ActorExec.Cli.Http;

/// <summary>
/// Finds a non-nullable member left null in a deserialized contract document. The contract's
/// serializer options let a missing property through as null (they cannot require it: the node
/// omits nulls), so without this check a truncated answer would surface later as a crash while
/// rendering instead of as a malformed answer.
/// </summary>
internal static class DocumentShape
{
    private static readonly string ContractNamespace = typeof(NodeInfo).Namespace!;

    /// <summary>The JSON path of the first required member that is missing, e.g. <c>$.venues[0].state</c>; null when complete.</summary>
    public static string? FindMissing(object document) => FindMissing(document, "$", new NullabilityInfoContext());

    private static string? FindMissing(object value, string path, NullabilityInfoContext nullability)
    {
        if (value is IEnumerable items and not string and not IDictionary)
        {
            var index = 0;
            foreach (var item in items)
            {
                var itemPath = $"{path}[{index++}]";
                if (item is null)
                {
                    return itemPath;
                }
                if (FindMissing(item, itemPath, nullability) is { } missing)
                {
                    return missing;
                }
            }
            return null;
        }
        var type = value.GetType();
        if (type.Namespace != ContractNamespace)
        {
            return null;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyPath = $"{path}.{NameOf(property)}";
            var member = property.GetValue(value);
            if (member is null)
            {
                if (nullability.Create(property).ReadState == NullabilityState.NotNull)
                {
                    return propertyPath;
                }
            }
            else if (FindMissing(member, propertyPath, nullability) is { } missing)
            {
                return missing;
            }
        }
        return null;
    }

    private static string NameOf(PropertyInfo property) =>
        InspectionJson.Options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
}
