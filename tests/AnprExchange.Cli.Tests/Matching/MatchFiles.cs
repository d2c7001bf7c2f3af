namespace AnprExchange.Cli.Tests.Matching;

/// <summary>A temporary directory with a hotlist and a reads file, removed on dispose.</summary>
internal sealed class MatchFiles : IDisposable
{
    public const string Hotlist = """
        entry_id,plate,category,action,priority,valid_from,valid_until,covert,reference,remarks
        e1,1-ABC-123,stolen_vehicle,stop,10,,,false,PV-1,grey Volvo
        e2,AB-12-??,stolen_plate,check,5,,,,,
        e3,XY-999-Z,wanted_person,observe,50,2027-01-01T00:00:00Z,,,,
        e4,1ABC123,sis_discreet_check,observe,1,,,true,SIS-9,
        """;

    public const string Reads = """
        {"readId":"r1","cameraId":"cam-1","timestamp":"2026-12-04T10:15:30.123Z","plate":"1-ABC-123","country":"BE"}
        not json
        {"readId":"r2","cameraId":"cam-1","timestamp":"2026-12-04T10:15:31Z","plate":"IABC123"}
        {"readId":"r3","cameraId":"cam-1","timestamp":"2026-12-04T10:15:32Z","plate":"AB-12-CD"}
        {"readId":"r4","cameraId":"cam-1","timestamp":"2026-12-04T10:15:33Z","plate":"XY999Z"}
        {"cameraId":"cam-1","timestamp":"2026-12-04T10:15:34Z","plate":"AB#1"}
        {"cameraId":"cam-2","timestamp":"2026-12-04T10:15:35Z","plate":"zz 999"}

        """;

    public MatchFiles(string hotlist = Hotlist, string reads = Reads)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("anpr-match-").FullName;
        HotlistPath = Path.Combine(Directory, "stolen.csv");
        ReadsPath = Path.Combine(Directory, "reads.jsonl");
        OutPath = Path.Combine(Directory, "alerts.jsonl");
        File.WriteAllText(HotlistPath, hotlist.ReplaceLineEndings("\n") + "\n");
        File.WriteAllText(ReadsPath, reads.ReplaceLineEndings("\n"));
    }

    public string Directory { get; }
    public string HotlistPath { get; }
    public string ReadsPath { get; }
    public string OutPath { get; }

    public string AddFile(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
