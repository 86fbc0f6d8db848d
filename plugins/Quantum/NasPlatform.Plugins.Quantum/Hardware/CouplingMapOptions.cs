using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Hardware;

/// <summary>
/// Reads the "coupling" option of the circuit spaces: "line", "ring" or "full"; a grid
/// <c>{"grid": [rows, cols]}</c>; an edge list <c>{"edges": [[0,1],[1,2]]}</c>; or an edge list in a JSON
/// file <c>{"edgesFile": "device.json"}</c> (the file holds <c>[[0,1],…]</c> or <c>{"edges": […]}</c>;
/// the path is relative to the experiment file).
/// </summary>
public static class CouplingMapOptions
{
    /// <summary>JSON Schema of the "coupling" option.</summary>
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
              "properties": { "edges": { "$ref": "#/definitions/edgeList" } }
            },
            {
              "type": "object", "additionalProperties": false, "required": ["edgesFile"],
              "properties": { "edgesFile": { "type": "string", "minLength": 1 } }
            }
          ]
        }
        """;

    /// <summary>The edge-list definition the schema refers to (put it under "definitions" of the options schema).</summary>
    public const string EdgeListDefinition = """
        { "type": "array", "items": { "type": "array", "items": { "type": "integer", "minimum": 0 }, "minItems": 2, "maxItems": 2 } }
        """;

    /// <summary>Builds the map for <paramref name="numQubits"/> qubits.</summary>
    /// <param name="option">The option's value; null means "line".</param>
    /// <param name="numQubits">The register size (the "qubits" option).</param>
    /// <param name="context">Resolves the edges file.</param>
    /// <param name="optionPath">The option's JSON path, for errors.</param>
    /// <exception cref="ComponentConfigurationException">The map is unusable; the message says how to fix it.</exception>
    public static CouplingMap Parse(JToken? option, int numQubits, ComponentContext context, string optionPath = "coupling")
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            switch (option)
            {
                case null or { Type: JTokenType.Null }:
                    return CouplingMap.Line(numQubits);
                case JValue { Type: JTokenType.String } text:
                    return (string?)text switch
                    {
                        "line" => CouplingMap.Line(numQubits),
                        "ring" => CouplingMap.Ring(numQubits),
                        "full" => CouplingMap.Full(numQubits),
                        var other => throw new ComponentConfigurationException(optionPath, $"Unknown coupling map \"{other}\"; use \"line\", \"ring\", \"full\", {{\"grid\": [rows, cols]}}, {{\"edges\": [[0,1],…]}} or {{\"edgesFile\": \"…\"}}."),
                    };
                case JObject { } obj when obj["grid"] is JArray grid:
                    var rows = (int)grid[0];
                    var cols = (int)grid[1];
                    if (rows * cols != numQubits)
                    {
                        throw new ComponentConfigurationException($"{optionPath}.grid", $"A {rows}x{cols} grid has {rows * cols} qubits but \"qubits\" is {numQubits}; make rows*cols equal the qubit count.");
                    }

                    return CouplingMap.Grid(rows, cols);
                case JObject { } obj when obj["edges"] is JArray edges:
                    return FromEdges(edges, numQubits, $"{optionPath}.edges", "the edge list");
                case JObject { } obj when obj.Value<string>("edgesFile") is { } file:
                    return FromFile(context.ResolvePath(file), numQubits, $"{optionPath}.edgesFile");
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

        JToken content;
        try
        {
            content = JToken.Parse(File.ReadAllText(path));
        }
        catch (JsonReaderException e)
        {
            throw new ComponentConfigurationException(optionPath, $"{path} line {e.LineNumber}, position {e.LinePosition}: not JSON ({e.Message}); write [[0,1],[1,2],…] or {{\"edges\": […]}}.", e);
        }

        var edges = content as JArray ?? (content as JObject)?["edges"] as JArray
            ?? throw new ComponentConfigurationException(optionPath, $"{path}: expected an edge list [[0,1],[1,2],…] or {{\"edges\": […]}}.");
        try
        {
            return FromEdges(edges, numQubits, optionPath, path);
        }
        catch (CouplingMapException e)
        {
            throw new ComponentConfigurationException(optionPath, $"{path}: {e.Message}", e);
        }
    }

    private static CouplingMap FromEdges(JArray edges, int numQubits, string optionPath, string source)
    {
        var pairs = new List<QubitPair>();
        for (var i = 0; i < edges.Count; i++)
        {
            if (edges[i] is not JArray { Count: 2 } pair || pair[0].Type != JTokenType.Integer || pair[1].Type != JTokenType.Integer)
            {
                throw new ComponentConfigurationException($"{optionPath}[{i}]", $"In {source}, edge {i} is {edges[i].ToString(Formatting.None)}; write each edge as a pair of qubit indices, e.g. [0,1].");
            }

            pairs.Add(new QubitPair((int)pair[0], (int)pair[1]));
        }

        return CouplingMap.FromEdges(numQubits, pairs);
    }
}
