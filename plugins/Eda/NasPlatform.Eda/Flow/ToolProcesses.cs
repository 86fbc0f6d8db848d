using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// Keeps EDA tools from outliving the `nas` that started them. Each tool runs in its own process group
/// (setsid) under a small sh watchdog that kills the whole group (qflow's yosys, graywolf, ...) once the
/// parent is gone, even after a kill -9 that runs no handler. A resume also stops, before it touches the
/// folder, any tool still working in it (a process whose working directory is under the dataset), so the
/// tools of a killed run never write into a sample the rerun rebuilds.
/// </summary>
public static class ToolProcesses
{
    private const int SigKill = 9;

    /// <summary>
    /// sh -c WATCHDOG sh PARENT TOOL ARGS...: runs the tool, polls the parent each second, and on its death
    /// kills the process group (kill 0), which setsid made the tool's own. The poller's output goes to /dev/null:
    /// holding the tool's stdout pipe, its last `sleep 1` kept the run open up to a second after the tool ended
    /// (every run took a whole number of seconds, 0.5 s lost per qrouter run of 1-2 s).
    /// </summary>
    private const string Watchdog = """
        parent=$1; shift
        "$@" </dev/null &
        child=$!
        ( while kill -0 "$parent" 2>/dev/null; do sleep 1; done; kill -KILL 0 ) </dev/null >/dev/null 2>&1 &
        watch=$!
        wait "$child"; rc=$?
        kill "$watch" 2>/dev/null
        exit $rc
        """;

    /// <summary>The executable and arguments that run the tool in its own process group under the parent watchdog.</summary>
    public static (string Executable, IReadOnlyList<string> Arguments) Wrap(string executable, IReadOnlyList<string> arguments) =>
        File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid")
            ? ("setsid", ["-w", "sh", "-c", Watchdog, "sh", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), executable, .. arguments])
            : (executable, arguments);

    /// <summary>SIGKILL to the process group led by <paramref name="leader"/> (the wrapped tool and everything it started).</summary>
    public static void KillGroup(int leader)
    {
        if (OperatingSystem.IsLinux() && leader > 1)
            _ = Kill(-leader, SigKill);
    }

    /// <summary>
    /// Stops every process whose working directory is under <paramref name="root"/> (the flow's own folder,
    /// e.g. DIR/placements), and waits until they are gone; returns how many there were. Spared: this process
    /// and its ancestors, and interactive shells (bash, zsh, fish; qflow's scripts are tcsh and sh), so a user
    /// whose terminal sits in the folder is not killed. Linux only (reads /proc); elsewhere returns 0.
    /// </summary>
    public static async Task<int> StopOrphansAsync(string root)
    {
        var spared = Ancestors();
        var found = Under(root).Where(p => !spared.Contains(p) && Name(p) is not ("bash" or "zsh" or "fish")).ToList();
        foreach (var pid in found)
            _ = Kill(pid, SigKill);
        var deadline = Stopwatch.StartNew();
        while (found.Any(Alive) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(50).ConfigureAwait(false);
        if (found.Any(Alive))
            throw new IOException($"{root}: tool processes {string.Join(", ", found.Where(Alive))} of an earlier run are still working in this folder and do not stop; stop them and run again.");
        return found.Count;
    }

    /// <summary>Processes whose current directory is <paramref name="root"/> or below it.</summary>
    public static List<int> Under(string root)
    {
        var found = new List<int>();
        if (!OperatingSystem.IsLinux())
            return found;
        var prefix = Path.GetFullPath(root).TrimEnd('/') + "/";
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
                continue;
            string? cwd;
            try
            {
                cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone, or another user's
            }

            if (cwd is not null && (cwd + "/").StartsWith(prefix, StringComparison.Ordinal))
                found.Add(pid);
        }

        return found;
    }

    private static HashSet<int> Ancestors()
    {
        var ancestors = new HashSet<int>();
        for (var pid = Environment.ProcessId; pid > 1 && ancestors.Add(pid);)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                pid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                break;
            }
        }

        return ancestors;
    }

    private static string Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static bool Alive(int pid)
    {
        // A zombie (exited, not yet reaped by its parent) no longer runs or writes.
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: two ints need no marshalling code, and no unsafe blocks.
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
