using System.Globalization;

namespace NasPlatform.Quantum.Chemistry.Integrals;

/// <summary>
/// Frozen core and active space, from the orbitals in the source's order: the first
/// <c>frozenCore</c> orbitals stay doubly occupied (their mean field moves into the one-electron
/// integrals and their energy into the constant), the next <c>activeOrbitals</c> are kept, the rest
/// (the highest virtuals) are dropped. With orbitals ordered by energy (psi4 without point-group
/// symmetry, PySCF) that is the usual core/active/virtual split, and the Hartree–Fock determinant's
/// energy is unchanged.
/// </summary>
public static class ActiveSpace
{
    /// <summary>The integrals of the active space.</summary>
    /// <param name="full">All orbitals.</param>
    /// <param name="frozenCore">Lowest orbitals kept doubly occupied.</param>
    /// <param name="activeOrbitals">Orbitals kept after the frozen ones (null: all the rest).</param>
    /// <exception cref="ArgumentException">The split does not fit the orbitals or electrons; <see cref="ArgumentException.ParamName"/> names the count at fault.</exception>
    public static MolecularIntegrals Select(MolecularIntegrals full, int frozenCore, int? activeOrbitals)
    {
        ArgumentNullException.ThrowIfNull(full);
        var active = activeOrbitals ?? full.NumOrbitals - frozenCore;
        Check(full, frozenCore, active);
        if (frozenCore == 0 && active == full.NumOrbitals)
        {
            return full;
        }

        var n = active;
        var one = new double[n * n];
        var two = new double[n * n * n * n];
        var core = full.CoreEnergy;
        for (var i = 0; i < frozenCore; i++)
        {
            core += 2 * full.OneBody(i, i);
            for (var j = 0; j < frozenCore; j++)
            {
                core += 2 * full.TwoBody(i, i, j, j) - full.TwoBody(i, j, j, i);
            }
        }

        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                var (fp, fq) = (p + frozenCore, q + frozenCore);
                var h = full.OneBody(fp, fq);
                for (var i = 0; i < frozenCore; i++)
                {
                    h += 2 * full.TwoBody(fp, fq, i, i) - full.TwoBody(fp, i, i, fq);
                }

                one[p * n + q] = h;
                for (var r = 0; r < n; r++)
                {
                    for (var s = 0; s < n; s++)
                    {
                        two[((p * n + q) * n + r) * n + s] = full.TwoBody(fp, fq, r + frozenCore, s + frozenCore);
                    }
                }
            }
        }

        var symmetries = full.OrbitalSymmetries.Count == 0 ? [] : full.OrbitalSymmetries.Skip(frozenCore).Take(n).ToArray();
        var source = string.Create(CultureInfo.InvariantCulture, $"{full.Source}, frozen core {frozenCore}, {n} active orbitals");
        return new MolecularIntegrals(n, full.NumElectrons - 2 * frozenCore, full.SpinTwice, core, one, two, symmetries, source);
    }

    // ParamName names the option at fault ("activeOrbitals", "frozenCore"), which callers map to the file's path.
#pragma warning disable CA2208
    private static void Check(MolecularIntegrals full, int frozenCore, int active)
    {
        if (frozenCore < 0)
        {
            throw new ArgumentException($"frozenCore is {frozenCore}; give 0 or more orbitals.", nameof(frozenCore));
        }

        if (frozenCore > full.NumBeta)
        {
            throw new ArgumentException($"frozenCore is {frozenCore} but {full.Source} has only {full.NumBeta} doubly occupied orbitals ({full.NumElectrons} electrons, MS2={full.SpinTwice}); freeze at most {full.NumBeta}.", nameof(frozenCore));
        }

        if (active < 1 || frozenCore + active > full.NumOrbitals)
        {
            throw new ArgumentException($"activeOrbitals is {active} but {full.Source} has {full.NumOrbitals} orbitals, {frozenCore} of them frozen; give 1 to {full.NumOrbitals - frozenCore}.", "activeOrbitals");
        }

        if (full.NumAlpha - frozenCore > active)
        {
            throw new ArgumentException($"activeOrbitals is {active} but {full.NumAlpha - frozenCore} alpha electrons stay active after freezing {frozenCore} orbitals; give at least {full.NumAlpha - frozenCore}.", "activeOrbitals");
        }
    }
#pragma warning restore CA2208
}
