using System.Text.Json;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Hardware;

/// <summary>
/// Reads the "coupling" option of the circuit spaces: "line", "ring" or "full"; a grid
/// <c>{"grid": [rows, cols]}</c>; an edge list <c>{"edges": [[0,1],[1,2]]}</c>; or an edge list in a JSON
/// file <c>{"edgesFile": "device.json"}</c> (the file holds <c>[[0,1],…]</c> or <c>{"edges": […]}</c>;
/// the path is relative to the experiment file). A string or an object, so the circuit spaces declare it as a
/// <see cref="JsonElement"/> with <see cref="Schema"/> as its schema fragment.
/// </summary>
public static class CouplingMapOptions
{
    /// <summary>JSON Schema of the "coupling" option (a string or one of three objects, which no C# type says).</summary>
    public const string Schema = """
        {
          "description": "Which qubit pairs two-qubit gates may use: \"line\", \"ring\", \"full\", {\"grid\": [rows, cols]}, {\"edges\": [[0,1],[1,2]]} or {\"edgesFile\": \"path.json\"}.",
          "default": "line",
          "oneOf": [
            { "enum": ["line", "ring", "full"] },
            {
              "type": "object", "additionalProperties": false, "required": ["grid"],
              "properties": { "grid": { "type": "array", "items": { "type": "integer", "minimum": 1 }, "minItems": 2, "maxItems": 2 } }
            },
            {
              "type": "object", "additionalProperties": false, "required": ["edges"],
              "properties": { "edges": { "type": "array", "items": { "type": "array", "items": { "type": "integer", "minimum": 0 }, "minItems": 2, "maxItems": 2 } } }
            },
            {
              "type": "object", "additionalProperties": false, "required": ["edgesFile"],
              "properties": { "edgesFile": { "type": "string", "minLength": 1 } }
            }
          ]
        }
        """;

    /// <summary>Builds the map for <paramref name="numQubits"/> qubits.</summary>
    /// <param name="option">The option's value; null means "line".</param>
    /// <param name="numQubits">The register size (the "qubits" option).</param>
    /// <param name="context">Resolves the edges file.</param>
    /// <param name="optionPath">The option's JSON path, for errors.</param>
    /// <exception cref="ComponentConfigurationException">The map is unusable; the message says how to fix it.</exception>
    public static CouplingMap Parse(JsonElement? option, int numQubits, ComponentContext context, string optionPath = "coupling")
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            switch (option)
            {
                case null or { ValueKind: JsonValueKind.Null }:
                    return CouplingMap.Line(numQubits);
                case { ValueKind: JsonValueKind.String } text:
                    return text.GetString() switch
                    {
                        "line" => CouplingMap.Line(numQubits),
                        "ring" => CouplingMap.Ring(numQubits),
                        "full" => CouplingMap.Full(numQubits),
                        var other => throw new ComponentConfigurationException(optionPath, $"Unknown coupling map \"{other}\"; use \"line\", \"ring\", \"full\", {{\"grid\": [rows, cols]}}, {{\"edges\": [[0,1],…]}} or {{\"edgesFile\": \"…\"}}."),
                    };
                case { ValueKind: JsonValueKind.Object } obj when obj.TryGetProperty("grid", out var grid) && grid.ValueKind == JsonValueKind.Array:
                    var rows = grid[0].GetInt32();
                    var cols = grid[1].GetInt32();
                    if (rows * cols != numQubits)
                    {
                        throw new ComponentConfigurationException($"{optionPath}.grid", $"A {rows}x{cols} grid has {rows * cols} qubits but \"qubits\" is {numQubits}; make rows*cols equal the qubit count.");
                    }

                    return CouplingMap.Grid(rows, cols);
                case { ValueKind: JsonValueKind.Object } obj when obj.TryGetProperty("edges", out var edges) && edges.ValueKind == JsonValueKind.Array:
                    return FromEdges(edges, numQubits, $"{optionPath}.edges", "the edge list");
                case { ValueKind: JsonValueKind.Object } obj when obj.TryGetProperty("edgesFile", out var file) && file.ValueKind == JsonValueKind.String:
                    return FromFile(context.ResolvePath(file.GetString()!), numQubits, $"{optionPath}.edgesFile");
                default:
                    throw new ComponentConfigurationException(optionPath, "Unrecognized coupling map; use \"line\", \"ring\", \"full\", {\"grid\": [rows, cols]}, {\"edges\": [[0,1],…]} or {\"edgesFile\": \"…\"}.");
            }
        }
        catch (CouplingMapException e)
        {
            throw new ComponentConfigurationException(optionPath, $"{e.Message}", e);
        }
    }

    private static CouplingMap FromFile(string path, int numQubits, string optionPath)
    {
        if (!File.Exists(path))
        {
            throw new ComponentConfigurationException(optionPath, $"The coupling file {path} does not exist; give a path relative to the experiment file.");
        }

        JsonElement content;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            content = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ComponentConfigurationException(optionPath, $"{path} line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: not JSON ({e.Message}); write [[0,1],[1,2],…] or {{\"edges\": […]}}.", e);
        }

        var edges = content.ValueKind == JsonValueKind.Array ? content
            : content.ValueKind == JsonValueKind.Object && content.TryGetProperty("edges", out var listed) && listed.ValueKind == JsonValueKind.Array ? listed
            : throw new ComponentConfigurationException(optionPath, $"{path}: expected an edge list [[0,1],[1,2],…] or {{\"edges\": […]}}.");
        try
        {
            return FromEdges(edges, numQubits, optionPath, path);
        }
        catch (CouplingMapException e)
        {
            throw new ComponentConfigurationException(optionPath, $"{path}: {e.Message}", e);
        }
    }

    private static CouplingMap FromEdges(JsonElement edges, int numQubits, string optionPath, string source)
    {
        var pairs = new List<QubitPair>();
        var i = 0;
        foreach (var edge in edges.EnumerateArray())
        {
            if (edge.ValueKind != JsonValueKind.Array || edge.GetArrayLength() != 2
                || edge[0].ValueKind != JsonValueKind.Number || edge[1].ValueKind != JsonValueKind.Number
                || !edge[0].TryGetInt32(out var a) || !edge[1].TryGetInt32(out var b))
            {
                throw new ComponentConfigurationException($"{optionPath}[{i}]", $"In {source}, edge {i} is {edge.GetRawText()}; write each edge as a pair of qubit indices, e.g. [0,1].");
            }

            pairs.Add(new QubitPair(a, b));
            i++;
        }

        return CouplingMap.FromEdges(numQubits, pairs);
    }
}
