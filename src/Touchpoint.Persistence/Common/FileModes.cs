namespace Touchpoint.Persistence.Common;

/// <summary>
/// The data folder and the files in it (SQLite database, its -wal and -shm, the key file) are readable by the
/// app's own user only: whoever can read them can read every contact and, with the key file, sign cookies.
/// </summary>
public static class FileModes
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Makes the folder (0700) if it is missing; tightens it if it is there.</summary>
    public static void PrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, Folder);
            return;
        }
        if ((System.IO.File.GetUnixFileMode(folder) & ~Folder) != 0)
        {
            System.IO.File.SetUnixFileMode(folder, Folder);
        }
    }

    /// <summary>
    /// Tightens an existing file to 0600 (group and others lose every right). A file the app may not change (a key
    /// file mounted read-only as a container secret) is left as its owner made it.
    /// </summary>
    public static void MakePrivate(string path)
    {
        if (OperatingSystem.IsWindows() || !System.IO.File.Exists(path))
        {
            return;
        }
        var mode = System.IO.File.GetUnixFileMode(path);
        if ((mode & ~File) != 0)
        {
            try
            {
                System.IO.File.SetUnixFileMode(path, mode & File);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
            }
        }
    }

    /// <summary>Makes an empty file with mode 0600 if none is there, so what writes it later keeps that mode.</summary>
    public static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows() || System.IO.File.Exists(path))
        {
            return;
        }
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = File });
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
        }
    }
}
