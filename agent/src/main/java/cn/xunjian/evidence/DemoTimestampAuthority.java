package cn.xunjian.evidence;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamping authority on 127.0.0.1 for the tests and {@code ./xunjian demo}, so a newcomer sees the whole chain
 * of signed manifest, timestamp token and offline verification. Its key and self-signed certificate (extended key
 * usage timeStamping, critical, as RFC 3161 requires) are made anew at each start and its clock is this machine's:
 * its tokens prove nothing to a third party, which its certificate's name says (演示用，不具法律效力).
 */
public final class DemoTimestampAuthority implements AutoCloseable {
    /** A UUID-based OID (2.25, ITU-T X.667): a policy that belongs to no real TSA. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.236535655171404737610018619949092443492");
    public static final String LABEL = "演示用，不具法律效力";

    private final HttpServer server;
    private final X509Certificate certificate;
    private final TimeStampResponseGenerator generator;
    private final Clock clock;
    private final AtomicLong serial = new AtomicLong(1);

    private DemoTimestampAuthority(HttpServer server, X509Certificate certificate, TimeStampResponseGenerator generator,
                                   Clock clock) {
        this.server = server;
        this.certificate = certificate;
        this.generator = generator;
        this.clock = clock;
    }

    public static DemoTimestampAuthority start(Clock clock) throws IOException {
        try {
            KeyPairGenerator keys = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
            keys.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = keys.generateKeyPair();
            X509Certificate cert = certificate(pair, clock.instant());
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Bc.PROVIDER)
                            .build("SHA256withECDSA", pair.getPrivate(), cert),
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(cert)));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DemoTimestampAuthority tsa = new DemoTimestampAuthority(server, cert, responses, clock);
            server.createContext("/tsa", tsa::handle);
            server.start();
            return tsa;
        } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
            throw new IllegalStateException("cannot set up the demonstration TSA", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    public String certificatePem() {
        return Bc.pem(certificate);
    }

    /** The configuration a run uses to ask this TSA; its certificate goes into the run as {@code tsa.pem}. */
    public TsaConfig config() {
        return new TsaConfig(url(), null, null, null, certificatePem());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] query;
            try (InputStream in = exchange.getRequestBody()) {
                query = in.readAllBytes();
            }
            byte[] answer;
            try {
                TimeStampResponse response = generator.generate(new TimeStampRequest(query),
                        BigInteger.valueOf(serial.getAndIncrement()), Date.from(clock.instant()));
                answer = response.getEncoded();
            } catch (TSPException | IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static X509Certificate certificate(KeyPair pair, Instant now) throws GeneralSecurityException,
            OperatorCreationException {
        X500Name subject = new X500Name("CN=巡检演示时间戳服务（" + LABEL + "）,O=Xunjian");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Bc.certificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER)
                .build(pair.getPrivate())));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
