using System;
using System.Collections.Generic;
using System.IO;
using StmNode.Ports;

namespace StmNode.Host.Adapters;

/// <summary>
/// Log lines on a text writer (the console by default), with a level filter and a last line of defence against leaks:
/// every registered secret is replaced by "****" before a line is written.
/// </summary>
public sealed class ConsoleLog : ILog
{
    private readonly TextWriter _out;
    private readonly List<string> _secrets = new();
    private readonly object _gate = new();

    public ConsoleLog(LogLevel minimum, TextWriter output = null)
    {
        Minimum = minimum;
        _out = output ?? Console.Out;
    }

    public LogLevel Minimum { get; set; }

    /// <summary>Prefix each line with the node's name (fleet mode runs many nodes in one process).</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Never print this value (device secret, Wi-Fi password, computed MQTT password).</summary>
    public void Redact(string secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            lock (_gate)
            {
                _secrets.Add(secret);
            }
        }
    }

    public bool IsEnabled(LogLevel level) => level >= Minimum && level != LogLevel.None;

    public void Write(LogLevel level, string source, string message)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        lock (_gate)
        {
            foreach (string secret in _secrets)
            {
                message = message.Replace(secret, "****", StringComparison.Ordinal);
            }

            _out.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {Name(level),-5} {Prefix}{source}: {message}");
        }
    }

    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "NONE",
    };
}
