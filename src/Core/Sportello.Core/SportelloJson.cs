using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sportello.Core;

/// <summary>The JSON conventions of catalog records, recipes and events: camelCase, enums as strings.</summary>
public static class SportelloJson
{
    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    /// <summary>Like <see cref="Options"/>, but unknown properties are errors: a typo in a recipe must not pass silently.</summary>
    public static JsonSerializerOptions Strict { get; } = Create(strict: true);

    /// <summary>
    /// For outbox payloads: nulls are written too, so an event whose constructor takes a nullable value without a
    /// default (<c>string? Reason</c>) reads back, instead of failing delivery for a "missing required property".
    /// </summary>
    public static JsonSerializerOptions Events { get; } = Create(strict: false, writeNulls: true);

    private static JsonSerializerOptions Create(bool strict, bool writeNulls = false)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = writeNulls ? JsonIgnoreCondition.Never : JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
