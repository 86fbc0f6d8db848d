using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Schemas;

/// <summary>
/// Where a JSON token starts in its source text (1-based). Newtonsoft.Json records where a token
/// ends; <see cref="JsonSource"/> attaches this annotation so problems point at the token's start,
/// where an editor should put the cursor. Annotations survive <see cref="JToken.DeepClone()"/>.
/// </summary>
public sealed record SourcePosition(int Line, int Column)
{
    /// <summary>The token's start: its annotation, else Newtonsoft's line info, else null.</summary>
    public static SourcePosition? Of(JToken? token)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Annotation<SourcePosition>() is { } position)
        {
            return position;
        }

        return token is IJsonLineInfo info && info.HasLineInfo()
            ? new SourcePosition(info.LineNumber, Math.Max(1, info.LinePosition))
            : null;
    }
}
