namespace NasPlatform.Engine.Schemas;

/// <summary>
/// The valid name a mistyped one was most likely meant to be: within a small edit distance (a swapped pair of
/// letters counts as one edit), else the only name it begins (<c>--out</c> for <c>--output</c>). A far-off guess
/// would mislead more than none, so short names get no edit at all.
/// </summary>
public static class NearestName
{
    /// <summary>The item with the name nearest to <paramref name="typed"/>, or null when none is near enough.</summary>
    public static T? Find<T>(string typed, IEnumerable<T> items, Func<T, IEnumerable<string>> names)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typed);
        var candidates = items.SelectMany(item => names(item).Select(name => (Item: item, Name: name))).ToList();
        var allowed = Math.Min(2, typed.Length / 3);
        var nearest = candidates
            .Select(c => (c.Item, Distance: Distance(typed, c.Name)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        if (nearest.Item is not null)
        {
            return nearest.Item;
        }

        var extended = candidates.Where(c => c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Select(c => c.Item).Distinct().ToList();
        return extended.Count == 1 ? extended[0] : null;
    }

    /// <summary>Edits (insert, delete, substitute, swap two adjacent letters) from one name to the other, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
