package cn.xunjian.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a run directory offline: for {@code manifest.json} and every manifest it lists (the evidence manifest
 * sealed before the reports were written), the file hashes, the signature and the timestamp; then this machine's
 * key file. More steps (a web archive's own digests) are added with {@link #with}.
 */
public final class EvidenceVerifier {
    private final Path keyFile;
    private final Path tsaCa;
    private final List<VerificationStep> extra;

    /**
     * @param keyFile this installation's signing key, checked when it exists
     * @param tsaCa   a TSA certificate to check tokens against, or null for each run's {@code tsa.pem}
     */
    public EvidenceVerifier(Path keyFile, Path tsaCa) {
        this(keyFile, tsaCa, List.of());
    }

    private EvidenceVerifier(Path keyFile, Path tsaCa, List<VerificationStep> extra) {
        this.keyFile = keyFile;
        this.tsaCa = tsaCa;
        this.extra = List.copyOf(extra);
    }

    public EvidenceVerifier with(VerificationStep step) {
        List<VerificationStep> more = new ArrayList<>(extra);
        more.add(step);
        return new EvidenceVerifier(keyFile, tsaCa, more);
    }

    /** The outcome: every step's report, in order. */
    public record Verification(Path runDir, List<VerificationStep.Report> reports) {
        public Verification {
            reports = List.copyOf(reports);
        }

        public List<VerificationStep.Problem> problems() {
            return reports.stream().flatMap(r -> r.problems().stream()).toList();
        }

        public boolean passed() {
            return problems().isEmpty();
        }
    }

    public Verification verify(Path runDir) {
        List<VerificationStep> steps = new ArrayList<>();
        List<String> manifests = new ArrayList<>();
        manifests.add(EvidenceStore.MANIFEST);
        Optional<Manifest> top = RunManifests.read(runDir, EvidenceStore.MANIFEST, new ArrayList<>());
        top.ifPresent(m -> m.files().stream().filter(e -> RunManifests.MANIFEST_TYPE.equals(e.type()))
                .forEach(e -> manifests.add(e.path())));
        for (String m : manifests) {
            steps.add(new FileHashesStep(m));
            steps.add(new SignatureStep(m));
            steps.add(new TimestampStep(m, tsaCa));
        }
        steps.add(new WaczStep());
        steps.addAll(extra);
        steps.add(new KeyPermissionStep(keyFile));
        List<VerificationStep.Report> reports = new ArrayList<>();
        for (VerificationStep step : steps) {
            try {
                reports.add(step.check(runDir));
            } catch (RuntimeException e) {
                reports.add(new VerificationStep.Report(step.title(), List.of(), List.of(new VerificationStep.Problem(
                        step.title(), step.title() + " 无法完成：" + RunManifests.firstLine(e)))));
            }
        }
        return new Verification(runDir, reports);
    }
}
