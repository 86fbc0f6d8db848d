namespace NasPlatform.Quantum.Simulator.Tests;

public class BasisSubspaceTests
{
    [Fact]
    public void Lanczos_in_a_magnetization_sector_finds_that_sectors_ground_state()
    {
        // The ferromagnetic XXZ chain conserves the number of 1s; its lowest state overall is all-up
        // (no 1s), but the sector with two 1s has its own, higher ground state.
        const int n = 6;
        var h = Hamiltonians.HeisenbergXxz(n, -1, -1, -1.5, periodic: false);
        var twoOnes = Enumerable.Range(0, 1 << n).Where(i => System.Numerics.BitOperations.PopCount((uint)i) == 2);
        var sector = new BasisSubspace(n, twoOnes, "two 1s");
        Assert.Equal(15, sector.Dimension);
        var whole = Lanczos.GroundState(h, n, new Random(3), 1e-10);
        var inSector = Lanczos.GroundState(h, n, new Random(3), 1e-10, subspace: sector);
        Assert.True(inSector.Converged);
        Assert.True(whole.Energy < inSector.Energy - 0.1);
        Assert.True(sector.WeightOutside(inSector.State) < 1e-24);

        // Against the dense matrix restricted to the sector.
        var m = h.ToMatrix(n);
        var indices = sector.Indices;
        var dense = new double[indices.Count, indices.Count];
        for (var r = 0; r < indices.Count; r++)
        {
            for (var c = 0; c < indices.Count; c++)
            {
                dense[r, c] = m[indices[r], indices[c]].Real;
            }
        }

        Assert.Equal(SymmetricEigen.Jacobi(dense).Values.Min(), inSector.Energy, 9);
    }
}
