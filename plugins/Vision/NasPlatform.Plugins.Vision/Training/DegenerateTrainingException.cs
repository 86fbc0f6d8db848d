namespace NasPlatform.Plugins.Vision.Training;

/// <summary>A training that produced no usable classifier (see <see cref="DegenerateTraining"/>); its trial is recorded as failed with this message.</summary>
public sealed class DegenerateTrainingException : Exception
{
    public DegenerateTrainingException()
    {
    }

    public DegenerateTrainingException(string message)
        : base(message)
    {
    }

    public DegenerateTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
