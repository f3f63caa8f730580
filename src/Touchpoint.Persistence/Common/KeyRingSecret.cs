using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Touchpoint.Persistence.Common;

/// <summary>
/// The secret that keeps the data-protection key ring (which signs cookies and bearer tokens) useless to whoever has
/// only a copy of the database: a key file outside the database, <c>Touchpoint:DataProtection:KeyFile</c>, by default
/// <c>touchpoint.key</c> in the data folder, made on the first start with mode 0600. The keys in the
/// <c>DataProtectionKeys</c> table are encrypted with it (AES-256-GCM). Several instances on one database are given the
/// same file (a copy, or one path on a shared disk); the file is backed up with the database, since without it every
/// sign-in ends. The file holds 32 random bytes in base64 on one line.
/// </summary>
public sealed class KeyRingSecret
{
    public const string KeyFileKey = "Touchpoint:DataProtection:KeyFile";
    public const string DefaultFileName = "touchpoint.key";

    private readonly Lazy<byte[]> _key;

    public KeyRingSecret(string path)
    {
        Path = path;
        // Read on first use (the key ring is loaded when the app starts), so a CLI command that protects nothing
        // never makes a key file of its own.
        _key = new Lazy<byte[]>(() => LoadOrCreate(path));
    }

    public string Path { get; }

    internal byte[] Key => _key.Value;

    /// <summary>The configured key file, else <c>touchpoint.key</c> in the data folder (the backup reads the same).</summary>
    public static string PathFrom(IConfiguration configuration, string dataFolder) =>
        configuration[KeyFileKey] is { Length: > 0 } path ? System.IO.Path.GetFullPath(path) : System.IO.Path.Combine(dataFolder, DefaultFileName);

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
            if (!Directory.Exists(folder))
            {
                FileModes.PrivateFolder(folder);
            }
            try
            {
                // CreateNew: two instances starting together on an empty shared folder do not overwrite each other's key.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var stream = new FileStream(path, options);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n"));
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
        else
        {
            FileModes.MakePrivate(path);
        }
        var text = File.ReadAllText(path).Trim();
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            key = [];
        }
        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"{KeyFileKey}: {path} must hold 32 bytes in base64 (it is made so on the first start when missing).");
    }
}

/// <summary>Encrypts each new data-protection key with the key file before it is stored in the database.</summary>
public sealed class KeyRingEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    internal static readonly byte[] Context = "Touchpoint data-protection key"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(secret.Key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag, Context);
        }
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the key file (Touchpoint:DataProtection:KeyFile); useless without it. "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>
/// Decrypts a stored key with the key file. Made by the data-protection system from the type name stored beside each
/// key, so its name and namespace must not change.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var secret = services.GetRequiredService<KeyRingSecret>();
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? "");
        var cipher = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(secret.Key, tag.Length);
            aes.Decrypt(nonce, cipher, tag, plain, KeyRingEncryptor.Context);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException(
                $"A data-protection key in the database was encrypted with another key file than {secret.Path} ({KeyRingSecret.KeyFileKey}); cookies and tokens it signed are refused.", e);
        }
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
