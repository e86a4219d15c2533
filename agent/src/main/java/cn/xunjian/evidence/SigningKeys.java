package cn.xunjian.evidence;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The signing key of this installation, in {@code <data>/keys/}: {@code signing-key.pem} (PKCS#8, owner read/write
 * only), {@code signing-cert.pem} (its self-signed certificate) and {@code retired/<key id>.pem}, the certificates of
 * keys rotated out. The key is created on first use. Runs carry the certificate they were signed with, so rotating the
 * key never makes an old run unverifiable; the retired certificates stay here to say which keys this office used.
 */
public final class SigningKeys {
    public static final String KEY_FILE = "signing-key.pem";
    public static final String CERT_FILE = "signing-cert.pem";
    public static final String RETIRED = "retired";

    private final Path dir;
    private final Clock clock;

    public SigningKeys(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** {@code $XUNJIAN_HOME/data/keys}, or {@code data/keys} without it. */
    public static Path standardDir() {
        String home = System.getenv("XUNJIAN_HOME");
        Path base = home == null || home.isBlank() ? Path.of("data") : Path.of(home, "data");
        return base.resolve("keys");
    }

    public Path dir() {
        return dir;
    }

    public Path keyFile() {
        return dir.resolve(KEY_FILE);
    }

    /** The key of this installation, created with {@code algorithm} when there is none yet. */
    public SigningKey loadOrCreate(KeyAlgorithm algorithm) throws EvidenceKeyException {
        if (Files.exists(keyFile())) {
            return load();
        }
        return create(algorithm);
    }

    /**
     * Retires the current key (its certificate is kept in {@code retired/}) and creates a new one.
     */
    public SigningKey rotate(KeyAlgorithm algorithm) throws EvidenceKeyException {
        if (Files.exists(keyFile())) {
            SigningKey old = load();
            try {
                Files.createDirectories(dir.resolve(RETIRED));
                Files.writeString(dir.resolve(RETIRED).resolve(old.keyId() + ".pem"), old.certificatePem(),
                        StandardCharsets.US_ASCII);
                Files.delete(keyFile());
            } catch (IOException e) {
                throw new EvidenceKeyException("无法停用旧的签名密钥 " + keyFile() + "：" + e.getMessage(), e);
            }
        }
        return create(algorithm);
    }

    /** The certificates of the keys rotated out, oldest file name first. */
    public List<Path> retired() throws IOException {
        Path r = dir.resolve(RETIRED);
        if (!Files.isDirectory(r)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(r)) {
            return files.filter(p -> p.toString().endsWith(".pem")).sorted().toList();
        }
    }

    /**
     * Says what is wrong with the key file's permissions, or nothing: a key that others can read may have been used
     * by them, so nothing it signed proves who signed.
     */
    public static List<String> permissionProblems(Path keyFile) {
        List<String> problems = new ArrayList<>();
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            Set<PosixFilePermission> allowed = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            if (!allowed.containsAll(perms)) {
                problems.add("签名私钥文件 " + keyFile + " 的权限为 " + PosixFilePermissions.toString(perms)
                        + "，应为 rw-------（600，仅属主可读写）；请执行 chmod 600 " + keyFile);
            }
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions (Windows): its ACLs are the administrator's to check
        } catch (IOException e) {
            problems.add("无法读取签名私钥文件 " + keyFile + " 的权限：" + e.getMessage());
        }
        return problems;
    }

    SigningKey load() throws EvidenceKeyException {
        Path keyFile = keyFile();
        List<String> problems = permissionProblems(keyFile);
        if (!problems.isEmpty()) {
            throw new EvidenceKeyException(problems.get(0));
        }
        PrivateKey key;
        try (Reader in = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(in)) {
            Object o = parser.readObject();
            if (!(o instanceof PrivateKeyInfo info)) {
                throw new EvidenceKeyException("签名私钥文件 " + keyFile + " 不是 PKCS#8 PEM 格式的私钥");
            }
            key = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(info);
        } catch (IOException e) {
            throw new EvidenceKeyException("无法读取签名私钥文件 " + keyFile + "：" + e.getMessage(), e);
        }
        Path certFile = dir.resolve(CERT_FILE);
        X509Certificate cert;
        try {
            cert = Bc.certificate(Files.readString(certFile, StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new EvidenceKeyException("无法读取签名证书 " + certFile + "：" + e.getMessage(), e);
        }
        return new SigningKey(algorithmOf(cert), key, cert, Bc.keyId(cert));
    }

    private static KeyAlgorithm algorithmOf(X509Certificate cert) {
        String sig = cert.getSigAlgName().toUpperCase(java.util.Locale.ROOT);
        if (sig.contains("SM2") || sig.contains("SM3")) {
            return KeyAlgorithm.SM2;
        }
        return sig.contains("ED25519") ? KeyAlgorithm.ED25519 : KeyAlgorithm.P256;
    }

    private SigningKey create(KeyAlgorithm algorithm) throws EvidenceKeyException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm(), Bc.PROVIDER);
            if (algorithm.curve() != null) {
                generator.initialize(new ECGenParameterSpec(algorithm.curve()));
            }
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSigned(pair, algorithm);
            String keyId = Bc.keyId(cert);
            Files.createDirectories(dir);
            Path tmp = dir.resolve(KEY_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Bc.pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()),
                    StandardCharsets.US_ASCII);
            Files.move(tmp, keyFile(), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve(CERT_FILE), Bc.pem(cert), StandardCharsets.US_ASCII);
            return new SigningKey(algorithm, pair.getPrivate(), cert, keyId);
        } catch (IOException e) {
            throw new EvidenceKeyException("无法在 " + dir + " 中创建签名密钥：" + e.getMessage(), e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create a " + algorithm + " key", e);
        }
    }

    private X509Certificate selfSigned(KeyPair pair, KeyAlgorithm algorithm) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException, IOException {
        Instant now = clock.instant();
        String keyId = java.util.HexFormat.of().formatHex(Sha256.digest().digest(pair.getPublic().getEncoded()))
                .substring(0, 16);
        X500Name subject = new X500Name("CN=巡检证据签名 " + keyId + ",O=Xunjian");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new java.security.SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(36500, ChronoUnit.DAYS)), subject,
                pair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
                .setProvider(Bc.PROVIDER).build(pair.getPrivate()));
        return Bc.certificate(holder);
    }
}
