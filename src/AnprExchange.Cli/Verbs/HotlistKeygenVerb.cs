using System.CommandLine;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr hotlist keygen`: a new ECDSA P-256 key pair for signing a country's pushes.</summary>
public static class HotlistKeygenVerb
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write <key-id>.private.pem and <key-id>.public.pem into.", Required = true };
        var keyId = new Option<string?>("--key-id")
        {
            Description = "Key id to put in manifests (1-64 of A-Z, a-z, 0-9, '.', '_', '-'); default: 16 hex digits of the public key's SHA-256.",
            Validators = { r => { if (r.GetValueOrDefault<string?>() is { } id && !HotlistKeyIds.IsValid(id)) { r.AddError("--key-id must be 1-64 of A-Z, a-z, 0-9, '.', '_', '-'."); } } },
        };
        var command = new Command("keygen", "Generate an ECDSA P-256 key pair for signing hotlist pushes.") { output, keyId };
        command.SetAction(result =>
        {
            var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            using var key = HotlistSigningKey.Generate(result.GetValue(keyId));
            try
            {
                var (privatePath, publicPath) = key.Save(result.GetValue(output)!.FullName);
                stdout.WriteLine($"key id:      {key.KeyId}");
                stdout.WriteLine($"private key: {privatePath}  (keep secret: pass it to `anpr hotlist push --signing-key`)");
                stdout.WriteLine($"public key:  {publicPath}  (give to every partner's matcher trust store)");
                return 0;
            }
            catch (IOException e)
            {
                stderr.WriteLine($"keygen: {e.Message} (a key with this id exists already; nothing overwritten)");
                return 1;
            }
            catch (UnauthorizedAccessException e)
            {
                stderr.WriteLine($"keygen: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
