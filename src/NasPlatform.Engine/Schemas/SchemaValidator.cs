using NasPlatform.Abstractions;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace NasPlatform.Engine.Schemas;

/// <summary>
/// Validates JSON documents against JSON Schemas (NJsonSchema), reporting every problem with the
/// line and column where the offending token starts, its JSON path, and what was expected.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Extension keyword a schema may set to say in words what a pattern expects.</summary>
    public const string ExpectedKeyword = "x-expected";

    private static readonly HashSet<ValidationErrorKind> TypeErrors =
    [
        ValidationErrorKind.StringExpected,
        ValidationErrorKind.NumberExpected,
        ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected,
        ValidationErrorKind.ObjectExpected,
        ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected,
        ValidationErrorKind.NoTypeValidates,
    ];

    /// <summary>
    /// Parses a schema; throws <see cref="NasConfigurationException"/> naming <paramref name="origin"/> when it is not a schema.
    /// Its integers get the range of an int where it sets none (<see cref="ImpliedIntegerRange"/>).
    /// </summary>
    public static JsonSchema ParseSchema(string schemaJson, string origin)
    {
        try
        {
            var schema = JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult();
            ImpliedIntegerRange.Apply(schema);
            return schema;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new NasConfigurationException($"{origin}: not a valid JSON Schema: {e.Message}", e);
        }
    }

    /// <summary>Validates JSON text; a syntax error is reported as the single problem.</summary>
    public static IReadOnlyList<SchemaProblem> Validate(string jsonText, JsonSchema schema) =>
        JsonSource.TryParse(jsonText, out var token, out var syntax) ? Validate(token!, schema) : [syntax!];

    /// <summary>
    /// Validates a parsed token. Problems carry line and column when it was parsed with line info
    /// (best with <see cref="JsonSource"/>), and paths from the token's root. Integers too large for
    /// 64 bits are replaced in <paramref name="token"/> by doubles (<see cref="OversizedNumbers.Normalize"/>),
    /// and a number too large for a double is a problem wherever it is.
    /// </summary>
    public static IReadOnlyList<SchemaProblem> Validate(JToken token, JsonSchema schema)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(schema);
        OversizedNumbers.Normalize(token);
        var leaves = new List<ValidationError>();
        Flatten(schema.Validate(token), leaves);

        // A value of the wrong type also fails every rule about its contents ("expected an object"
        // then seven "required property" lines); the type error alone says what to fix.
        var wrongType = leaves.Where(e => TypeErrors.Contains(e.Kind) && e.Token is not null)
            .Select(e => e.Token!).ToHashSet(ReferenceEqualityComparer.Instance);
        var named = leaves.Where(e => e.Token is not null).Select(e => e.Token!).ToHashSet(ReferenceEqualityComparer.Instance);
        return leaves
            .Where(e => TypeErrors.Contains(e.Kind) || e.Token is null || !wrongType.Contains(e.Token))
            .Select(ToProblem)
            .Concat(NonFinite(token, named))
            .Distinct()
            .OrderBy(p => p.Line ?? int.MaxValue)
            .ThenBy(p => p.Column ?? 0)
            .ThenBy(p => p.JsonPath, StringComparer.Ordinal)
            .ToList();
    }

    // Infinity (1e400 as read) passes every bound of a "number"; no value of a file may be one.
    private static IEnumerable<SchemaProblem> NonFinite(JToken root, HashSet<object?> named) =>
        OversizedNumbers.Values(root)
            .Where(v => OversizedNumbers.IsNonFinite(v) && !named.Contains(v))
            .Select(v =>
            {
                var position = SourcePosition.Of(v);
                return new SchemaProblem(JsonPaths.Of(v), position?.Line, position?.Column,
                    $"expected a finite number, between -{double.MaxValue.ToString("R", CultureInfo.InvariantCulture)} and {double.MaxValue.ToString("R", CultureInfo.InvariantCulture)}" + Found(v));
            });

    private static void Flatten(IEnumerable<ValidationError> errors, List<ValidationError> into)
    {
        foreach (var error in errors)
        {
            // For array items, properties and oneOf/anyOf the useful detail is in the nested errors.
            if (error is ChildSchemaValidationError child && child.Errors.Values.Any(e => e.Count > 0))
            {
                foreach (var branch in child.Errors.Values)
                {
                    Flatten(branch, into);
                }

                continue;
            }

            into.Add(error);
        }
    }

    private static SchemaProblem ToProblem(ValidationError error)
    {
        var path = error.Token switch
        {
            null => FromSchemaPath(error.Path),
            _ when error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } name => JsonPaths.Child(error.Token, name),
            _ => JsonPaths.Of(error.Token),
        };
        var position = SourcePosition.Of(error.Token)
            ?? (error.HasLineInfo ? new SourcePosition(error.LineNumber, Math.Max(1, error.LinePosition)) : null);
        return new SchemaProblem(path, position?.Line, position?.Column, Describe(error));
    }

    // NJsonSchema paths look like "#/budget.trials", "#/objectives[0].metric" or "#/" for the root.
    private static string FromSchemaPath(string? path)
    {
        var body = (path ?? string.Empty).TrimStart('#').TrimStart('/');
        return JsonPaths.FromNewtonsoft(body);
    }

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema?.ActualSchema;
        var found = Found(error.Token);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownProperty(error.Property, schema),
            ValidationErrorKind.StringExpected => "expected a string" + found,
            ValidationErrorKind.NumberExpected => "expected a number" + found,
            ValidationErrorKind.IntegerExpected => "expected an integer" + (OversizedNumbers.BeyondInt(error.Token) ? " " + Bounds(schema, implied: true) : string.Empty) + found,
            ValidationErrorKind.BooleanExpected => "expected true or false" + found,
            ValidationErrorKind.ObjectExpected => "expected an object" + found,
            ValidationErrorKind.ArrayExpected => "expected an array" + found,
            ValidationErrorKind.NullExpected => "expected null" + found,
            ValidationErrorKind.NoTypeValidates => $"expected {schema?.Type.ToString().ToLowerInvariant()}" + found,
            ValidationErrorKind.NotInEnumeration => $"expected one of {string.Join(", ", schema?.Enumeration.Select(v => JsonConvert.SerializeObject(v)) ?? [])}" + found,
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                $"expected {Kind(schema)} {Bounds(schema, OversizedNumbers.BeyondInt(error.Token))}" + found,
            ValidationErrorKind.StringTooShort => (schema?.MinLength == 1 ? "expected a non-empty string" : $"expected at least {schema?.MinLength} characters") + found,
            ValidationErrorKind.StringTooLong => $"expected at most {schema?.MaxLength} characters",
            ValidationErrorKind.PatternMismatch => $"expected {Expected(schema) ?? $"text matching the pattern {schema?.Pattern}"}" + found,
            ValidationErrorKind.TooFewItems => $"expected at least {schema?.MinItems} item{(schema?.MinItems == 1 ? string.Empty : "s")}",
            ValidationErrorKind.TooManyItems => $"expected at most {schema?.MaxItems} items",
            ValidationErrorKind.ItemsNotUnique => "expected unique items",
            ValidationErrorKind.TooFewProperties => $"expected at least {schema?.MinProperties} of {PropertyList(schema)}",
            ValidationErrorKind.TooManyProperties => $"expected at most {schema?.MaxProperties} properties",
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => $"expected a multiple of {schema?.MultipleOf}" + found,
            ValidationErrorKind.NotOneOf => "expected exactly one of the allowed forms",
            ValidationErrorKind.NotAnyOf => "expected one of the allowed forms",
            ValidationErrorKind.NotAllOf => "expected every one of the required forms",
            ValidationErrorKind.ExcludedSchemaValidates => "matches a form that is not allowed here",
            _ => $"{error.Kind}" + found,
        };
    }

    private static string? Expected(JsonSchema? schema) =>
        schema?.ExtensionData is { } extensions && extensions.TryGetValue(ExpectedKeyword, out var text) && text is string s ? s : null;

    private static string Kind(JsonSchema? schema) =>
        schema is not null && schema.Type.HasFlag(JsonObjectType.Integer) ? "an integer" : "a number";

    // The int range ImpliedIntegerRange adds is named only to a value beyond it (implied), so a 0
    // against "minimum": 1 reads "expected an integer >= 1", as the schema says.
    private static string Bounds(JsonSchema? schema, bool implied = false)
    {
        if (schema is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (schema.ExclusiveMinimum is { } exclusiveMin)
        {
            parts.Add($"> {Number(exclusiveMin)}");
        }
        else if (schema.Minimum is { } min && (implied || !ImpliedIntegerRange.IsImplied(schema, ImpliedIntegerRange.ImpliedMinimum)))
        {
            parts.Add($"{(schema.IsExclusiveMinimum ? ">" : ">=")} {Number(min)}");
        }

        if (schema.ExclusiveMaximum is { } exclusiveMax)
        {
            parts.Add($"< {Number(exclusiveMax)}");
        }
        else if (schema.Maximum is { } max && (implied || !ImpliedIntegerRange.IsImplied(schema, ImpliedIntegerRange.ImpliedMaximum)))
        {
            parts.Add($"{(schema.IsExclusiveMaximum ? "<" : "<=")} {Number(max)}");
        }

        return string.Join(" and ", parts);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string PropertyList(JsonSchema? schema) =>
        schema is null ? "its properties" : string.Join(", ", schema.ActualProperties.Keys.Select(k => $"'{k}'"));

    private static string UnknownProperty(string? name, JsonSchema? schema)
    {
        var message = $"property '{name}' is not allowed here";
        var allowed = schema?.ActualProperties.Keys.ToList() ?? [];
        if (allowed.Count == 0 || name is null)
        {
            return message;
        }

        var closest = allowed.MinBy(a => EditDistance(a.ToLowerInvariant(), name.ToLowerInvariant()))!;
        return EditDistance(closest.ToLowerInvariant(), name.ToLowerInvariant()) <= Math.Max(2, name.Length / 3)
            ? $"{message}; did you mean '{closest}'?"
            : $"{message}; allowed: {string.Join(", ", allowed)}";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Found(JToken? token)
    {
        var value = token switch
        {
            null or JProperty => null,
            _ when OversizedNumbers.Literal(token) is { } literal => literal,
            _ when OversizedNumbers.IsNonFinite(token) => "a number beyond what a double holds",
            JValue { Type: JTokenType.String } v => JsonConvert.ToString(Shorten((string)v!)),
            JValue v => v.ToString(Formatting.None),
            JObject => "an object",
            JArray => "an array",
            _ => null,
        };
        return value is null ? string.Empty : $", found {value}";
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
