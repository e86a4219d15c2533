package cn.xunjian.schedule;

import java.util.List;

/** The schedule file as written; {@link ScheduleLoader} validates it and fills defaults into a {@link Schedule}. */
record ScheduleJson(List<String> sites, ProbesJson probes, CronJson audit, CronJson circular, CronJson followUp,
                    RetentionJson retention, String timeZone, DatabaseJson database, String outputDir,
                    List<AlertJson> alerts, ClusterJson cluster, Integer threads, Integer auditsAtOnce,
                    Boolean loopbackOnly, String proxy, ConsoleJson console, EvidenceJson evidence) {

    record EvidenceJson(TsaJson tsa, String keyAlgorithm, String ntp) {
    }

    record TsaJson(String url, String user, String password, String caCert) {
    }

    record ProbesJson(Double perDay, Integer everySeconds, Double browserPerDay, Integer browserEverySeconds,
                      Integer timeoutSeconds) {
    }

    record CronJson(String cron) {
    }

    record RetentionJson(Integer days, String cron) {
    }

    record DatabaseJson(String url, String user, String password) {
    }

    record AlertJson(String type, String url, String secret) {
    }

    record ConsoleJson(String listen, Boolean reviewBeforePublish) {
    }

    record ClusterJson(String instanceId, Integer checkinIntervalMillis) {
    }
}
