using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using PaperBot.Knowledge.Configuration;

namespace PaperBot.Cli.Commands;

/// <summary>
/// Starts the real web host (the Release build) on a free loopback port, asks it questions over HTTP and samples
/// its resident memory as it goes: the figure is the host's, not this process's.
/// </summary>
internal static class HostMemoryBench
{
    public static async Task RunAsync(IReadOnlyList<string> questions, int count, string cacheFolder)
    {
        var dll = PathResolver.ResolveFile(Path.Combine("src", "PaperBot.Host", "bin", "Release", "net10.0", "PaperBot.Host.dll"));
        if (!File.Exists(dll))
        {
            Console.WriteLine("  host memory                 skipped: build the host first (dotnet build -c Release src/PaperBot.Host)");
            return;
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Knowledge__CachePath"] = cacheFolder;
        // A store of the benchmark's own (SQLite, each question logged as in use), never the instructor's report.
        start.Environment["Storage__Provider"] = "sqlite";
        start.Environment["Storage__Path"] = Path.Combine(cacheFolder, "bench-store");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var host = Process.Start(start)!;
        _ = host.StandardOutput.ReadToEndAsync();
        _ = host.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var ready = Stopwatch.StartNew();
            while (!await IsHealthyAsync(http))
            {
                if (host.HasExited || ready.Elapsed > TimeSpan.FromMinutes(2))
                {
                    Console.WriteLine("  host memory                 skipped: the host did not become healthy");
                    return;
                }

                await Task.Delay(100);
            }

            await http.PostAsJsonAsync("/api/ask", new { question = questions[0] });
            var samples = new List<(int Asked, double Megabytes)> { (0, ResidentMegabytes(host.Id)) };
            for (var i = 1; i <= count; i++)
            {
                using var response = await http.PostAsJsonAsync("/api/ask", new { question = questions[i % questions.Count] });
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Console.WriteLine($"  host memory                 stopped: question {i} got {(int)response.StatusCode}");
                    return;
                }

                if (i % (count / 4) == 0)
                {
                    samples.Add((i, ResidentMegabytes(host.Id)));
                }
            }

            var line = string.Join(", ", samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Asked}: {s.Megabytes:F0}")));
            BenchCommand.Row($"host resident after {count}", samples[^1].Megabytes, "MB", "(target ≤ 450 MB and flat)");
            Console.WriteLine($"  host resident by questions  {line} MB");
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static double ResidentMegabytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is not null && double.TryParse(line[6..].Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var kb))
            {
                return kb / 1024;
            }
        }

        return Process.GetProcessById(pid).WorkingSet64 / (1024.0 * 1024.0);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
