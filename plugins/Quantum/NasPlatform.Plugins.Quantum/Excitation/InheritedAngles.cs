namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// The initial angles a child circuit inherits from its trained parent (ADAPT-VQE's warm start, generalised to
/// any edit): the operators the two sequences share, matched in order by a longest common subsequence, keep the
/// parent's trained angle; the others start at 0, where an excitation operator is the identity. A child that only
/// inserts an operator therefore starts exactly at its parent's trained state.
/// </summary>
public static class InheritedAngles
{
    /// <summary>
    /// One initial angle per child operator, or null when no operator is shared (the child then keeps the
    /// evaluator's ordinary start).
    /// </summary>
    /// <param name="parent">The parent's operators (pool indices), in circuit order.</param>
    /// <param name="parentAngles">The parent's trained angles, one per operator.</param>
    /// <param name="child">The child's operators (pool indices), in circuit order.</param>
    public static double[]? Of(IReadOnlyList<int> parent, IReadOnlyList<double> parentAngles, IReadOnlyList<int> child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(parentAngles);
        ArgumentNullException.ThrowIfNull(child);
        if (parentAngles.Count != parent.Count)
        {
            throw new ArgumentException($"{parentAngles.Count} angles for {parent.Count} operators.", nameof(parentAngles));
        }

        // Common(i, j): the length of the longest common subsequence of parent[i..] and child[j..].
        var width = child.Count + 1;
        var table = new int[(parent.Count + 1) * width];
        int Common(int i, int j) => table[(i * width) + j];
        for (var i = parent.Count - 1; i >= 0; i--)
        {
            for (var j = child.Count - 1; j >= 0; j--)
            {
                table[(i * width) + j] = parent[i] == child[j] ? Common(i + 1, j + 1) + 1 : Math.Max(Common(i + 1, j), Common(i, j + 1));
            }
        }

        if (Common(0, 0) == 0)
        {
            return null;
        }

        // Walk forward, matching whenever a match keeps the subsequence longest: deterministic, earliest first.
        var angles = new double[child.Count];
        var (p, c) = (0, 0);
        while (p < parent.Count && c < child.Count)
        {
            if (parent[p] == child[c] && Common(p, c) == Common(p + 1, c + 1) + 1)
            {
                angles[c++] = parentAngles[p++];
            }
            else if (Common(p + 1, c) >= Common(p, c + 1))
            {
                p++;
            }
            else
            {
                c++;
            }
        }

        return angles;
    }
}
