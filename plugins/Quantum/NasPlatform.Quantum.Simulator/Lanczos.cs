using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// Exact ground energy by restarted Lanczos, matrix-free (H applied through <see cref="PauliSum.Apply(StateVector, StateVector)"/>),
/// with full reorthogonalization inside each cycle. Each cycle builds a Krylov basis of at most
/// <c>krylovSize</c> vectors, takes the lowest Ritz vector and restarts from it, so memory stays at
/// krylovSize + 1 state vectors (about 20 qubits fit in well under a gigabyte). Given a
/// <see cref="BasisSubspace"/>, it works on P H P (P the projection on the subspace): every vector is
/// projected after each application of H, so the result is the lowest eigenpair inside the subspace,
/// which for a Hamiltonian that maps the subspace into itself (one particle-number sector) is the ground
/// state of that sector, however low the states outside it lie.
/// </summary>
public static class Lanczos
{
    /// <param name="hamiltonian">The Hermitian operator.</param>
    /// <param name="numQubits">Register size (0: the operator's own).</param>
    /// <param name="rng">Seeds the random start vector (default: seed 12345).</param>
    /// <param name="tolerance">Stop when ‖H v − E v‖ ≤ tolerance·max(1, |E|); the energy error is about its square.</param>
    /// <param name="krylovSize">Basis size per cycle (0: chosen from the register size, 8 to 40 vectors).</param>
    /// <param name="maxMatrixVectorProducts">Give up (Converged = false) after this many applications of H.</param>
    /// <param name="subspace">Restricts the search to the span of these basis states (null: the whole register).</param>
    public static GroundStateResult GroundState(
        PauliSum hamiltonian, int numQubits = 0, Random? rng = null, double tolerance = 1e-8,
        int krylovSize = 0, int maxMatrixVectorProducts = 20000, BasisSubspace? subspace = null)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        numQubits = numQubits == 0 ? subspace?.NumQubits ?? hamiltonian.NumQubits : numQubits;
        hamiltonian.RequireFits(numQubits);
        if (subspace is not null && subspace.NumQubits != numQubits)
        {
            throw new ArgumentException($"The subspace {subspace.Name} is on {subspace.NumQubits} qubits but the register has {numQubits}.", nameof(subspace));
        }

        var length = 1L << numQubits;
        if (krylovSize <= 0)
        {
            // About 512 MB of basis vectors at most.
            krylovSize = (int)Math.Clamp((512L << 20) / (16 * length), 8, 40);
        }

        krylovSize = (int)Math.Min(krylovSize, subspace?.Dimension ?? length);
        rng ??= new Random(12345);

        var basis = new StateVector[krylovSize + 1];
        for (var k = 0; k < basis.Length; k++)
        {
            basis[k] = new StateVector(numQubits);
        }

        var start = RandomStart(numQubits, rng, subspace);
        var scratch = new StateVector(numQubits);
        var alpha = new double[krylovSize];
        var beta = new double[krylovSize];
        var products = 0;
        var energy = double.NaN;
        var residual = double.PositiveInfinity;

        while (true)
        {
            basis[0].CopyFrom(start);
            var size = 0;
            for (var k = 0; k < krylovSize; k++)
            {
                var w = basis[k + 1];
                hamiltonian.Apply(basis[k], w);
                subspace?.Project(w);
                products++;
                alpha[k] = basis[k].InnerProduct(w).Real;
                Reorthogonalize(w, basis.AsSpan(0, k + 1));
                size = k + 1;
                beta[k] = Math.Sqrt(w.NormSquared());
                if (beta[k] < 1e-13 * Math.Max(1.0, Math.Abs(alpha[k])))
                {
                    beta[k] = 0;
                    break;
                }

                if (k + 1 < krylovSize)
                {
                    w.Scale(1.0 / beta[k]);
                }
            }

            var (theta, y) = SymmetricEigen.LowestOfTridiagonal(alpha.AsSpan(0, size), beta.AsSpan(0, size - 1));
            energy = theta;
            RitzVector(y, basis.AsSpan(0, size), scratch);
            // True residual ‖Hv − θv‖ (one extra product, robust against loss of orthogonality).
            hamiltonian.Apply(scratch, basis[0]);
            subspace?.Project(basis[0]);
            products++;
            Axpy(-theta, scratch, basis[0]);
            residual = Math.Sqrt(basis[0].NormSquared());
            start.CopyFrom(scratch);
            var converged = residual <= tolerance * Math.Max(1.0, Math.Abs(theta));
            if (converged || products >= maxMatrixVectorProducts)
            {
                return new GroundStateResult(energy, start, products, residual, converged);
            }
        }
    }

    /// <summary>A normalised random start vector (inside <paramref name="subspace"/> when given), drawn from <paramref name="rng"/>.</summary>
    private static StateVector RandomStart(int numQubits, Random rng, BasisSubspace? subspace)
    {
        var start = new StateVector(numQubits);
        for (var i = 0; i < start.Length; i++)
        {
            start.Re[i] = rng.NextDouble() - 0.5;
            start.Im[i] = rng.NextDouble() - 0.5;
        }

        subspace?.Project(start);
        start.Normalize();
        return start;
    }

    /// <summary>
    /// Full reorthogonalization of <paramref name="w"/> against <paramref name="basis"/>; a second pass only when the first
    /// removed most of w (Kahan–Parlett "twice is enough" test), which keeps the basis orthonormal to rounding.
    /// </summary>
    private static void Reorthogonalize(StateVector w, ReadOnlySpan<StateVector> basis)
    {
        var before = Math.Sqrt(w.NormSquared());
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var v in basis)
            {
                var overlap = v.InnerProduct(w);
                Axpy(-overlap, v, w);
            }

            var after = Math.Sqrt(w.NormSquared());
            if (after > 0.7 * before)
            {
                break;
            }

            before = after;
        }
    }

    /// <summary>The normalised Ritz vector Σ y_j·basis_j, written into <paramref name="ritz"/>.</summary>
    private static void RitzVector(double[] y, ReadOnlySpan<StateVector> basis, StateVector ritz)
    {
        Array.Clear(ritz.Re);
        Array.Clear(ritz.Im);
        for (var j = 0; j < basis.Length; j++)
        {
            Axpy(y[j], basis[j], ritz);
        }

        ritz.Normalize();
    }

    /// <summary>y ← y + a·x.</summary>
    private static void Axpy(System.Numerics.Complex a, StateVector x, StateVector y)
    {
        var (xr, xi, yr, yi) = (x.Re, x.Im, y.Re, y.Im);
        var ar = Vector256.Create(a.Real);
        var ai = Vector256.Create(a.Imaginary);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= yr.Length; i += 4)
            {
                var vxr = Kernels.Simd.Load(xr, i);
                var vxi = Kernels.Simd.Load(xi, i);
                Kernels.Simd.Store(yr, i, Kernels.Simd.NegMulAdd(ai, vxi, Kernels.Simd.MulAdd(ar, vxr, Kernels.Simd.Load(yr, i))));
                Kernels.Simd.Store(yi, i, Kernels.Simd.MulAdd(ai, vxr, Kernels.Simd.MulAdd(ar, vxi, Kernels.Simd.Load(yi, i))));
            }
        }

        for (; i < yr.Length; i++)
        {
            yr[i] += a.Real * xr[i] - a.Imaginary * xi[i];
            yi[i] += a.Real * xi[i] + a.Imaginary * xr[i];
        }
    }
}
