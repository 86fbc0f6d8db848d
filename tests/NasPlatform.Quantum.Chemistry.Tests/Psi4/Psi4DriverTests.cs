using System.Diagnostics;
using NasPlatform.Quantum.Chemistry.Psi4;

namespace NasPlatform.Quantum.Chemistry.Tests.Psi4;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class Psi4DriverTests
{
    [Fact]
    public async Task A_second_run_of_the_same_input_reads_the_cache_with_its_provenance()
    {
        var first = Psi4Molecules.Get(Psi4Molecules.H2);
        var again = await Psi4Molecules.Driver.RunAsync(Psi4Molecules.H2);
        Assert.True(again.FromCache);
        Assert.Equal(first.ScfEnergy, again.ScfEnergy);
        Assert.Equal(first.FcidumpPath, again.FcidumpPath);
        Assert.Equal(Psi4Driver.Hash(again.InputText), again.InputHash);
        Assert.Contains("H 0 0 0.735", again.InputText, StringComparison.Ordinal);
        Assert.Contains("fcidump(scf_wfn", again.InputText, StringComparison.Ordinal);
        Assert.Matches(@"^1\.\d+", again.Psi4Version);
        Assert.True(DateTime.Parse(again.CreatedUtc, System.Globalization.CultureInfo.InvariantCulture) > new DateTime(2020, 1, 1));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(again.FcidumpPath)!, "output.dat")));
        // H2 at 0.735 Å: nuclear repulsion 1/R in hartree (R in bohr).
        Assert.Equal(1 / (0.735 / 0.52917721067), again.NuclearRepulsion, 1e-6);
    }

    [Fact]
    public async Task Missing_psi4_is_a_clear_error_naming_the_Debian_package()
    {
        var driver = new Psi4Driver(Psi4Molecules.TemporaryCache(), executable: "psi4-is-not-installed-here");
        var error = await Assert.ThrowsAsync<Psi4Exception>(() => driver.RunAsync(new MoleculeSpec("H 0 0 0; H 0 0 0.7", "sto-3g")));
        Assert.Contains("psi4 was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install psi4", error.Message, StringComparison.Ordinal);
        Assert.Contains("Debian package psi4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_basis_fails_with_psi4s_own_error_line()
    {
        var driver = new Psi4Driver(Psi4Molecules.TemporaryCache());
        var error = await Assert.ThrowsAsync<Psi4Exception>(() => driver.RunAsync(new MoleculeSpec("Li 0 0 0; H 0 0 1.6", "sto-9zz")));
        Assert.StartsWith("BasisSetNotFound: ", error.ErrorLine, StringComparison.Ordinal);
        Assert.Contains("Unable to find a basis set", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(error.LogPath), error.LogPath);
    }

    [Fact]
    public async Task An_unknown_element_fails_with_psi4s_own_error_line()
    {
        var driver = new Psi4Driver(Psi4Molecules.TemporaryCache());
        var error = await Assert.ThrowsAsync<Psi4Exception>(() => driver.RunAsync(new MoleculeSpec("Xq 0 0 0; H 0 0 1.6", "sto-3g")));
        Assert.Equal("NotAnElementError: Xq", error.ErrorLine);
    }

    [Theory]
    [InlineData("Li 0 0; H 0 0 1.6", "sto-3g", 1, "geometry")]
    [InlineData("", "sto-3g", 1, "geometry")]
    [InlineData("Li 0 0 0; H 0 0 1.6\"\"\")\nimport os", "sto-3g", 1, "geometry")]
    [InlineData("Li 0 0 0; H 0 0 1.6", "sto 3g'", 1, "basis")]
    [InlineData("Li 0 0 0; H 0 0 1.6", "sto-3g", 3, "multiplicity")]
    public void Unusable_molecules_are_refused_before_psi4_starts(string geometry, string basis, int multiplicity, string field)
    {
        var error = Assert.Throws<MoleculeSpecException>(() => Psi4Input.Write(new MoleculeSpec(geometry, basis, Multiplicity: multiplicity)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task A_run_past_the_timeout_is_killed_and_reported()
    {
        var (fake, pidFile) = FakePsi4("sleep 60");
        var driver = new Psi4Driver(Psi4Molecules.TemporaryCache(), fake, TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<Psi4Exception>(() => driver.RunAsync(Psi4Molecules.H2));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Contains("did not finish", error.Message, StringComparison.Ordinal);
        AssertGone(pidFile);
    }

    [Fact]
    public async Task Cancellation_kills_psi4()
    {
        var (fake, pidFile) = FakePsi4("sleep 60");
        var driver = new Psi4Driver(Psi4Molecules.TemporaryCache(), fake);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => driver.RunAsync(Psi4Molecules.H2, cancel.Token));
        AssertGone(pidFile);
    }

    [Fact]
    public void The_watchdog_kills_the_tool_when_the_caller_goes_away()
    {
        // The caller's end of the stdin pipe closes when it dies; closing it here is the same signal.
        var (fake, pidFile) = FakePsi4("sleep 60");
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", ChildProcess.Watchdog, fake, "in", "out" })
        {
            info.ArgumentList.Add(argument);
        }

        using var shell = Process.Start(info)!;
        WaitFor(() => File.Exists(pidFile));
        shell.StandardInput.Close();
        Assert.True(shell.WaitForExit(10_000));
        Assert.Equal(137, shell.ExitCode);
        AssertGone(pidFile);
    }

    /// <summary>A stand-in "psi4" that records its process id and runs <paramref name="body"/>.</summary>
    private static (string Path, string PidFile) FakePsi4(string body)
    {
        var folder = Psi4Molecules.TemporaryCache();
        var pidFile = Path.Combine(folder, "pid");
        var script = Path.Combine(folder, "psi4");
        File.WriteAllText(script, $"#!/bin/sh\necho $$ > {pidFile}\nexec {body}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (script, pidFile);
    }

    private static void AssertGone(string pidFile)
    {
        Assert.True(File.Exists(pidFile), "the fake psi4 never started");
        var pid = File.ReadAllText(pidFile).Trim();
        WaitFor(() => !Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z");
    }

    private static void WaitFor(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting");
            Thread.Sleep(20);
        }
    }
}
