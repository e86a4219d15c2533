package cn.xunjian.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private final Secrets secrets = new Secrets("******");
    private final Variables vars = new Variables(Map.of("PW", "hunter2", "PW_LONG", "hunter2-extra")::get, secrets);

    @Test
    void variablesResolveAndSecretsAreRegisteredAndMasked() {
        vars.define("user", "巡检员");
        vars.define("login", "${user}:${env:PW}");
        assertThat(vars.resolve("你好 ${user}")).isEqualTo("你好 巡检员");
        assertThat(vars.resolve("${login}")).isEqualTo("巡检员:hunter2");
        assertThat(vars.usesSecret("${login}")).isTrue();
        assertThat(vars.usesSecret("${user}")).isFalse();
        assertThat(secrets.mask("口令是 hunter2。")).isEqualTo("口令是 ******。");
    }

    @Test
    void aLongerSecretIsMaskedWholeNotLeftHalfVisible() {
        vars.resolve("${env:PW} ${env:PW_LONG}");
        assertThat(secrets.mask("hunter2-extra")).isEqualTo("******");
    }

    @Test
    void undefinedVariablesAndUnsetSecretsFailTheStepWithoutShowingValues() {
        assertThatThrownBy(() -> vars.resolve("${nope}")).hasMessageContaining("未定义的变量 ${nope}");
        assertThatThrownBy(() -> vars.resolve("${env:MISSING}")).hasMessageContaining("环境变量 MISSING 未设置");
    }
}
