namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>
/// A built-in model given as the "hamiltonian" option ({"model": "tfim", "qubits": 8, "j": 1, "h": 1, "periodic": false},
/// {"model": "heisenberg", …}, {"model": "h2"}, {"model": "h2-parity"}). Which fields a model takes is said by
/// <see cref="HamiltonianOptions.Schema"/>; the defaults are these initialisers.
/// </summary>
public sealed record HamiltonianModelOptions
{
    /// <summary>tfim, heisenberg, h2 or h2-parity.</summary>
    public required string Model { get; init; }

    /// <summary>Chain length (tfim, heisenberg).</summary>
    public int Qubits { get; init; }

    /// <summary>The Ising coupling J (tfim).</summary>
    public double J { get; init; } = 1.0;

    /// <summary>The transverse field h (tfim).</summary>
    public double H { get; init; } = 1.0;

    /// <summary>The XX coupling (heisenberg).</summary>
    public double Jx { get; init; } = 1.0;

    /// <summary>The YY coupling (heisenberg).</summary>
    public double Jy { get; init; } = 1.0;

    /// <summary>The ZZ coupling (heisenberg).</summary>
    public double Jz { get; init; } = 1.0;

    /// <summary>Whether the chain closes into a ring.</summary>
    public bool Periodic { get; init; }
}
