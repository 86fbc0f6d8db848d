namespace NasPlatform.Quantum.Simulator;

/// <summary>Small dense symmetric eigenproblems (cyclic Jacobi), enough for Lanczos tridiagonals.</summary>
internal static class SymmetricEigen
{
    public static (double Value, double[] Vector) LowestOfTridiagonal(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal)
    {
        var n = diagonal.Length;
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            a[i, i] = diagonal[i];
            if (i + 1 < n)
            {
                a[i, i + 1] = a[i + 1, i] = offDiagonal[i];
            }
        }

        var (values, vectors) = Jacobi(a);
        var best = 0;
        for (var i = 1; i < n; i++)
        {
            if (values[i] < values[best])
            {
                best = i;
            }
        }

        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = vectors[i, best];
        }

        return (values[best], v);
    }

    /// <summary>Eigenvalues and eigenvectors (columns) of a symmetric matrix; <paramref name="a"/> is overwritten.</summary>
    public static (double[] Values, double[,] Vectors) Jacobi(double[,] a)
    {
        var n = a.GetLength(0);
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            var scale = 0.0;
            for (var p = 0; p < n; p++)
            {
                scale += a[p, p] * a[p, p];
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }

            if (off <= 1e-32 * Math.Max(scale, 1e-300))
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }

                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
            }
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[i, i];
        }

        return (values, v);
    }
}
