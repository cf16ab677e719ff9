using System.CommandLine;

namespace Bellwether.Cli.Commands;

/// <summary>
/// Paths a command will write, checked before any work starts: a path that cannot be written as asked (empty, '-',
/// a folder where a file is meant or a file where a folder is meant) is a usage error (exit 2).
/// </summary>
internal static class OutputPaths
{
    /// <summary>The full path of the file named by <paramref name="option"/>; its folder is created later when
    /// missing.</summary>
    public static string File(ParseResult parse, Option<string> option) => File(option.Name, parse.GetValue(option));

    /// <summary>The full path of a file to write, named by <paramref name="what"/> in errors.</summary>
    public static string File(string what, string? text)
    {
        var path = Full(what, text);
        if (Directory.Exists(path))
            throw new UsageException($"{what}: {path} is a folder; give a file name");
        CheckParentIsFolder(what, path);
        return path;
    }

    /// <summary>The full path of the folder named by <paramref name="option"/>, or null when it is not given.</summary>
    public static string? Folder(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text) return null;
        var path = Full(option.Name, text);
        if (System.IO.File.Exists(path)) throw new UsageException($"{option.Name}: {path} is a file; give a folder");
        CheckParentIsFolder(option.Name, path);
        return path;
    }

    private static string Full(string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException($"{what}: the path is empty");
        if (text == "-") throw new UsageException($"{what}: '-' (standard output) is not supported; give a file name");
        try
        {
            return Path.GetFullPath(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{what}: '{text}' is not a usable path ({e.Message})");
        }
    }

    /// <summary>The nearest existing ancestor must be a folder (a file there makes the path impossible).</summary>
    private static void CheckParentIsFolder(string what, string path)
    {
        for (var parent = Path.GetDirectoryName(path); !string.IsNullOrEmpty(parent); parent =
            Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent)) return;
            if (System.IO.File.Exists(parent)) throw new UsageException(
                $"{what}: {parent} is a file, so {path} cannot be written");
        }
    }
}
