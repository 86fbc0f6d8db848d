using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Spaces;

/// <summary>
/// Optional, for a search space whose candidates are single blocks of a larger network that are rated one
/// block at a time (DNA's block-wise search): every candidate belongs to one of <see cref="BlockCount"/>
/// blocks, and one candidate per block assembles into a whole-network candidate. <c>nas combine</c> uses it to
/// pick, from an experiment's completed trials, the combination with the best summed objective whose
/// assembled statistics meet the experiment's constraints, without knowing the domain.
/// </summary>
/// <remarks>
/// The statistics named in <see cref="FixedStatistics"/> must add up exactly: the assembled network's value is
/// the fixed part plus the sum of its blocks' <see cref="ISearchSpace.FreeStatistics"/>. Constraints on any
/// other free statistic cannot be combined block by block, and <c>nas combine</c> refuses them.
/// </remarks>
public interface IBlockwiseSpace
{
    /// <summary>Number of blocks; block indices run from 0 to <see cref="BlockCount"/> − 1.</summary>
    int BlockCount { get; }

    /// <summary>
    /// The additive free statistics (for example parameters and MACs) of everything outside the blocks, such
    /// as a stem and a classifier head, by name.
    /// </summary>
    IReadOnlyDictionary<string, double> FixedStatistics { get; }

    /// <summary>The block a candidate of this space belongs to.</summary>
    /// <exception cref="ArgumentException">The candidate is not in this space.</exception>
    int BlockOf(Candidate candidate);

    /// <summary>The whole-network candidate made of one candidate per block, given in block order.</summary>
    /// <exception cref="ArgumentException">Not one candidate of each block, in order.</exception>
    Candidate Assemble(IReadOnlyList<Candidate> blocks);

    /// <summary>
    /// The free statistics of an assembled candidate (what <see cref="Assemble"/> returns), measured on the
    /// whole network, so a caller can check that the fixed part plus the blocks' sum is what it gets.
    /// </summary>
    IReadOnlyDictionary<string, double> AssembledStatistics(Candidate assembled);
}
