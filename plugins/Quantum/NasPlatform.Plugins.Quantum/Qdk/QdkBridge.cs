using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// Runs requests through Microsoft's Quantum Development Kit: one Node process per batch
/// (<c>node/qdk-bridge.mjs</c>), JSON in on stdin and out on stdout, each answer in request order (see the
/// script for the requests). A request Microsoft's compiler rejects is answered with its diagnostics
/// (<see cref="Failure"/>); a broken bridge (Node crashed, unreadable output) throws.
/// </summary>
public sealed class QdkBridge
{
    private readonly QdkInstallation _installation;

    public QdkBridge(QdkInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        _installation = installation;
    }

    /// <summary>The bridge of this machine's installation (<see cref="QdkInstallation.Ensure"/>).</summary>
    public static QdkBridge Default() => new(QdkInstallation.Ensure());

    /// <summary>The installation it runs.</summary>
    public QdkInstallation Installation => _installation;

    /// <summary>Answers <paramref name="requests"/> in one Node process.</summary>
    public IReadOnlyList<JObject> Run(IReadOnlyList<JObject> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var info = new ProcessStartInfo(_installation.Node, [_installation.Bridge, _installation.Home])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {_installation.Node}.");
        using var kill = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        });
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        process.StandardInput.Write(new JObject { ["requests"] = new JArray(requests) }.ToString(Formatting.None));
        process.StandardInput.Close();
        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        var output = stdout.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Microsoft's QDK bridge ({_installation.Bridge}, qsharp-lang in {_installation.Home}) failed with exit code {process.ExitCode}: {stderr.GetAwaiter().GetResult().Trim()}");
        }

        var results = JObject.Parse(output)["results"] as JArray
            ?? throw new InvalidOperationException($"Microsoft's QDK bridge answered without results: {output[..Math.Min(output.Length, 300)]}");
        if (results.Count != requests.Count)
        {
            throw new InvalidOperationException($"Microsoft's QDK bridge answered {results.Count} of {requests.Count} requests.");
        }

        return results.Cast<JObject>().ToList();
    }

    /// <summary>Answers one request; a rejected one throws <see cref="QdkCompileException"/> with Microsoft's diagnostics.</summary>
    public JObject RunOne(JObject request, string sourceName, CancellationToken cancellationToken = default)
    {
        var result = Run([request], cancellationToken)[0];
        return Failure(result, sourceName) is { } failure ? throw new QdkCompileException(failure) : result;
    }

    /// <summary>Null for an answered request; else Microsoft's error with each diagnostic as <c>FILE:LINE:COLUMN: message (code)</c>.</summary>
    public static string? Failure(JObject result, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Value<bool>("ok"))
        {
            return null;
        }

        var diagnostics = (result["diagnostics"] as JArray ?? []).Select(d => string.Create(CultureInfo.InvariantCulture,
            $"{sourceName}:{d.Value<int>("line")}:{d.Value<int>("column")}: {d.Value<string>("message")} ({d.Value<string>("code")})")).ToList();
        return diagnostics.Count == 0 ? result.Value<string>("error") : string.Join("\n", diagnostics);
    }

    /// <summary>
    /// A DumpMachine state as amplitudes indexed like our <c>StateVector</c>: the label |b0 b1 … b(n-1)⟩ puts qubit 0
    /// first on both sides, so its bits read as a big-endian number are our index. Missing labels are zero amplitudes.
    /// </summary>
    public static Complex[] Amplitudes(JObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var qubits = result.Value<int>("qubits");
        var amplitudes = new Complex[1 << qubits];
        foreach (var (label, value) in (JObject)result["state"]!)
        {
            var bits = label.Trim('|', '⟩');
            if (bits.Length != qubits || bits.Any(c => c is not ('0' or '1')))
            {
                throw new FormatException($"Unexpected basis label '{label}' for {qubits} qubits.");
            }

            amplitudes[Convert.ToInt32(bits, 2)] = new Complex(value![0]!.Value<double>(), value[1]!.Value<double>());
        }

        return amplitudes;
    }
}
