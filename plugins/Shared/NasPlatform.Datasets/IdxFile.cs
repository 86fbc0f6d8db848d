namespace NasPlatform.Datasets;

/// <summary>
/// An IDX array of unsigned bytes (the MNIST format): its dimensions, outermost first, and the values
/// in row-major order.
/// </summary>
/// <param name="Path">The file it was read from (for error messages).</param>
/// <param name="Dimensions">Sizes, outermost first: [count] for labels, [count, rows, columns] for images.</param>
/// <param name="Values">All values, row-major.</param>
public sealed record IdxFile(string Path, IReadOnlyList<int> Dimensions, byte[] Values)
{
    /// <summary>Size of the outermost dimension (number of items).</summary>
    public int Count => Dimensions[0];

    /// <summary>Values per item: the product of the inner dimensions (1 for labels).</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (a, b) => a * b);
}
