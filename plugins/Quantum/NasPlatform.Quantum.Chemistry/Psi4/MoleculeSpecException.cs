namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>A molecule specification that cannot be run; <see cref="Field"/> names the field ("geometry", "basis", …).</summary>
public sealed class MoleculeSpecException : ArgumentException
{
    /// <param name="field">The field at fault.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public MoleculeSpecException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The field at fault.</summary>
    public string Field { get; }

    /// <inheritdoc />
    public override string Message => base.Message.Split(" (Parameter", 2)[0];
}
