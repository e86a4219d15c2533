package cn.xunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path keys;

    @Test
    void theFirstUseCreatesAnEd25519KeyOnlyItsOwnerMayReadWithItsCertificateBeside() throws Exception {
        SigningKey key = new SigningKeys(keys, SealedRun.CLOCK).loadOrCreate(KeyAlgorithm.ED25519);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(SigningKeys.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(keys.resolve(SigningKeys.CERT_FILE))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(key.keyId()).hasSize(16);
        assertThat(key.subject()).contains(key.keyId());
        assertThat(key.certificate().getPublicKey().getAlgorithm()).isEqualTo("Ed25519");
    }

    @Test
    void theNextUseLoadsTheSameKey() throws Exception {
        SigningKey first = new SigningKeys(keys, SealedRun.CLOCK).loadOrCreate(KeyAlgorithm.ED25519);
        SigningKey again = new SigningKeys(keys, SealedRun.CLOCK).loadOrCreate(KeyAlgorithm.P256);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.algorithm()).isEqualTo(KeyAlgorithm.ED25519);
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithAMessageNamingTheFile() throws Exception {
        new SigningKeys(keys, SealedRun.CLOCK).loadOrCreate(KeyAlgorithm.ED25519);
        Path keyFile = keys.resolve(SigningKeys.KEY_FILE);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new SigningKeys(keys, SealedRun.CLOCK).loadOrCreate(KeyAlgorithm.ED25519))
                .isInstanceOf(EvidenceKeyException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void rotatingMakesAKeyWithANewIdAndKeepsTheOldCertificateAmongTheRetired() throws Exception {
        SigningKeys store = new SigningKeys(keys, SealedRun.CLOCK);
        SigningKey old = store.loadOrCreate(KeyAlgorithm.ED25519);
        SigningKey fresh = store.rotate(KeyAlgorithm.SM2);
        assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
        assertThat(store.retired()).extracting(p -> p.getFileName().toString()).containsExactly(old.keyId() + ".pem");
        assertThat(Files.readString(store.retired().get(0))).isEqualTo(old.certificatePem());
        assertThat(store.loadOrCreate(KeyAlgorithm.ED25519).keyId()).isEqualTo(fresh.keyId());
    }

    @Test
    void eachAlgorithmMakesAKeyThatSigns() throws Exception {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            SigningKey key = new SigningKeys(keys.resolve(algorithm.configName()), SealedRun.CLOCK)
                    .loadOrCreate(algorithm);
            assertThat(new ManifestSigner(key).sign(new byte[] {1, 2, 3})).as(algorithm.name()).isNotEmpty();
            assertThat(new SigningKeys(keys.resolve(algorithm.configName()), SealedRun.CLOCK).load().algorithm())
                    .isEqualTo(algorithm);
        }
    }
}
