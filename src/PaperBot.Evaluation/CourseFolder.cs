namespace PaperBot.Evaluation;

/// <summary>
/// A temporary readings folder holding the shipped readings and the ones the tests add, so a question about an added
/// reading is asked with every reading loaded, the way a course would use the bot.
/// </summary>
public sealed class CourseFolder : IDisposable
{
    private CourseFolder(string path) => Path = path;

    public string Path { get; }

    public static CourseFolder Create(params string[] folders)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paperbot-course-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                File.Copy(file, System.IO.Path.Combine(path, System.IO.Path.GetFileName(file)), overwrite: true);
            }
        }

        return new CourseFolder(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
