namespace Bellwether.Data.Streaming;

/// <summary>
/// Where a thesis's stream snapshot is kept beside the store, and writing it so that a crash never leaves a partial
/// file: the bytes go to a temporary file in the same folder, flushed to disk, then renamed over the old snapshot in
/// one step (docs/streaming.md).
/// </summary>
public static class StreamSnapshotFile
{
    /// <summary>
    /// The snapshot of the thesis file <paramref name="thesisFile"/> (null: the shipped default, named
    /// <paramref name="defaultName"/>) for the store at <paramref name="storePath"/>:
    /// <c>STORE.THESIS-STEM.stream</c> in the store's folder.
    /// </summary>
    public static string PathFor(string storePath, string? thesisFile, string defaultName) =>
        $"{storePath}.{Path.GetFileNameWithoutExtension(thesisFile ?? defaultName)}.stream";

    /// <summary>The snapshot's bytes, or null when there is none.</summary>
    public static byte[]? Read(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    /// <summary>Replaces the snapshot at <paramref name="path"/> with <paramref name="snapshot"/> atomically (through
    /// <c>PATH.tmp</c>, which a writer killed mid-write leaves behind and the next write replaces).</summary>
    public static void Write(string path, byte[] snapshot)
    {
        var temporary = $"{path}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(snapshot);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
