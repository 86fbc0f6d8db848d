namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// Depolarizing noise after gates and bit-flip readout errors, simulated by seeded Monte-Carlo
/// trajectories (<see cref="NoisySimulation"/>).
/// </summary>
/// <param name="OneQubitDepolarizing">After each one-qubit gate: with this probability, a uniformly random X, Y or Z on its qubit.</param>
/// <param name="TwoQubitDepolarizing">After each two-qubit gate: with this probability, one of the 15 non-identity two-qubit Paulis.</param>
/// <param name="ReadoutFlip">Probability that a measured bit is reported flipped.</param>
public sealed record NoiseModel(double OneQubitDepolarizing = 0, double TwoQubitDepolarizing = 0, double ReadoutFlip = 0)
{
    public static NoiseModel None { get; } = new();

    public bool IsNoiseless => OneQubitDepolarizing == 0 && TwoQubitDepolarizing == 0 && ReadoutFlip == 0;

    public void Validate()
    {
        Check(OneQubitDepolarizing, nameof(OneQubitDepolarizing));
        Check(TwoQubitDepolarizing, nameof(TwoQubitDepolarizing));
        Check(ReadoutFlip, nameof(ReadoutFlip));

        static void Check(double p, string name)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(name, p, $"{name} is a probability; use a value in [0, 1].");
            }
        }
    }
}
