using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace NasPlatform.Engine.Schemas;

/// <summary>Validates JSON documents against JSON Schemas (NJsonSchema), reporting line, column and JSON path.</summary>
public static class SchemaValidator
{
    /// <summary>Parses a schema; throws <see cref="NasConfigurationException"/> naming <paramref name="origin"/> when it is not a schema.</summary>
    public static JsonSchema ParseSchema(string schemaJson, string origin)
    {
        try
        {
            return JsonSchema.FromJsonAsync(schemaJson).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new NasConfigurationException($"{origin}: not a valid JSON Schema: {e.Message}", e);
        }
    }

    /// <summary>Validates JSON text, so problems carry line and column.</summary>
    public static IReadOnlyList<SchemaProblem> Validate(string jsonText, JsonSchema schema)
    {
        var problems = new List<SchemaProblem>();
        Flatten(schema.Validate(jsonText), problems);
        return Ordered(problems);
    }

    /// <summary>Validates a parsed token; problems carry line and column when it was parsed with line info.</summary>
    public static IReadOnlyList<SchemaProblem> Validate(JToken token, JsonSchema schema)
    {
        var problems = new List<SchemaProblem>();
        Flatten(schema.Validate(token), problems);
        return Ordered(problems);
    }

    private static IReadOnlyList<SchemaProblem> Ordered(List<SchemaProblem> problems) =>
        problems.Distinct().OrderBy(p => p.Line ?? int.MaxValue).ThenBy(p => p.Column ?? 0).ToList();

    private static void Flatten(IEnumerable<ValidationError> errors, List<SchemaProblem> into)
    {
        foreach (var error in errors)
        {
            // For oneOf/anyOf the useful detail is in the branches' own errors.
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                var nested = new List<SchemaProblem>();
                foreach (var branch in child.Errors.Values)
                {
                    Flatten(branch, nested);
                }

                if (nested.Count > 0)
                {
                    into.AddRange(nested);
                    continue;
                }
            }

            into.Add(new SchemaProblem(
                ToJsonPath(error.Path),
                error.HasLineInfo ? error.LineNumber : null,
                error.HasLineInfo ? error.LinePosition : null,
                Describe(error)));
        }
    }

    // NJsonSchema paths look like "#/budget.trials" or "#/objectives[0].metric".
    private static string ToJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "$";
        }

        var body = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return body.StartsWith('[') ? "$" + body : "$." + body;
    }

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property '{error.Property}' is not allowed here (check its spelling)",
            ValidationErrorKind.StringExpected => "expected a string",
            ValidationErrorKind.NumberExpected => "expected a number",
            ValidationErrorKind.IntegerExpected => "expected an integer",
            ValidationErrorKind.BooleanExpected => "expected true or false",
            ValidationErrorKind.ObjectExpected => "expected an object",
            ValidationErrorKind.ArrayExpected => "expected an array",
            ValidationErrorKind.NullExpected => "expected null",
            ValidationErrorKind.NotInEnumeration => $"expected one of {string.Join(", ", schema?.Enumeration.Select(v => JsonConvert.SerializeObject(v)) ?? [])}",
            ValidationErrorKind.NumberTooSmall => $"expected a number >= {schema?.Minimum}",
            ValidationErrorKind.NumberTooBig => $"expected a number <= {schema?.Maximum}",
            ValidationErrorKind.StringTooShort => $"expected at least {schema?.MinLength} characters",
            ValidationErrorKind.StringTooLong => $"expected at most {schema?.MaxLength} characters",
            ValidationErrorKind.PatternMismatch => $"does not match the expected form {schema?.Pattern}",
            ValidationErrorKind.TooFewItems => $"expected at least {schema?.MinItems} items",
            ValidationErrorKind.TooManyItems => $"expected at most {schema?.MaxItems} items",
            ValidationErrorKind.ItemsNotUnique => "items must be unique",
            _ => $"{error.Kind}",
        };
    }
}
