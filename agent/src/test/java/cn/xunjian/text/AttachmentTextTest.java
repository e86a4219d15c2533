package cn.xunjian.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentTextTest {
    private final AttachmentText reader = new AttachmentText(AttachmentRules.standard());

    private static final List<List<String>> ROWS = List.of(
            List.of("序号", "姓名", "身份证号码", "联系电话"),
            List.of("1", "王某明", "330106199003071236", "13812345678"));

    @Test
    void aPdfInTheNonEmbeddedChineseFontOfITextIsRead() {
        AttachmentText.Result r = reader.read(AttachmentFixtures.pdf("临江县2026年度临时救助对象公示", "联系电话：13812345678"));
        assertThat(r).isInstanceOfSatisfying(AttachmentText.Read.class, read -> {
            assertThat(read.format()).isEqualTo(AttachmentText.Format.PDF);
            assertThat(read.text()).contains("临时救助对象公示").contains("联系电话：13812345678");
        });
    }

    @Test
    void wordAndExcelFilesOldAndNewAreReadWithTheirCells() {
        assertThat(reader.read(AttachmentFixtures.docx(List.of("公示名单如下："), ROWS)))
                .isInstanceOfSatisfying(AttachmentText.Read.class, read -> {
                    assertThat(read.format()).isEqualTo(AttachmentText.Format.WORD);
                    assertThat(read.text()).contains("公示名单如下").contains("330106199003071236");
                });
        assertThat(reader.read(AttachmentFixtures.xlsx("名单", ROWS)))
                .isInstanceOfSatisfying(AttachmentText.Read.class, read -> {
                    assertThat(read.format()).isEqualTo(AttachmentText.Format.EXCEL);
                    assertThat(read.text()).contains("王某明").contains("13812345678");
                });
        assertThat(reader.read(AttachmentFixtures.xls("名单", ROWS)))
                .isInstanceOfSatisfying(AttachmentText.Read.class, read -> {
                    assertThat(read.format()).isEqualTo(AttachmentText.Format.EXCEL);
                    assertThat(read.text()).contains("身份证号码").contains("330106199003071236");
                });
    }

    @Test
    void aPdfCutOffInTheMiddleIsUnreadableNotAnError() {
        assertThat(reader.read(AttachmentFixtures.brokenPdf()))
                .isInstanceOfSatisfying(AttachmentText.Unreadable.class, u -> {
                    assertThat(u.format()).isEqualTo(AttachmentText.Format.PDF);
                    assertThat(u.reason()).startsWith("文件已损坏或无法解析");
                });
    }

    @Test
    void aDocxThatInflatesAThousandfoldIsRefusedAsAZipBomb() {
        byte[] bomb = AttachmentFixtures.zipBombDocx(20);
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(reader.read(bomb)).isInstanceOfSatisfying(AttachmentText.Unreadable.class,
                u -> assertThat(u.reason()).contains("压缩炸弹"));
    }

    @Test
    void anOldOfficeContainerWithoutADocumentInItIsUnreadableNotAnError() throws Exception {
        byte[] doc;
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
            doc = out.toByteArray();
        }
        assertThat(reader.read(doc)).isInstanceOfSatisfying(AttachmentText.Unreadable.class,
                u -> assertThat(u.reason()).startsWith("附件中没有可读取的文字"));
    }

    @Test
    void aScanWithoutTextIsUnreadableSinceNothingInItWasChecked() {
        assertThat(reader.read(AttachmentFixtures.pdf())).isInstanceOfSatisfying(AttachmentText.Unreadable.class, u -> {
            assertThat(u.format()).isEqualTo(AttachmentText.Format.PDF);
            assertThat(u.reason()).startsWith("附件中没有可读取的文字（可能是扫描件或图片）");
        });
    }

    @Test
    void aPageServedUnderAnAttachmentNameIsNoFormatWeRead() {
        byte[] html = "<html><body>登录后下载</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(html)).isInstanceOfSatisfying(AttachmentText.Unreadable.class,
                u -> assertThat(u.format()).isEqualTo(AttachmentText.Format.OTHER));
        assertThat(reader.read(new byte[0])).isInstanceOf(AttachmentText.Unreadable.class);
    }

    @Test
    void textBeyondTheCapIsCutAndSaidSo() {
        AttachmentRules base = AttachmentRules.standard();
        AttachmentRules small = new AttachmentRules(base.extensions(), base.maxFiles(), base.maxFileBytes(),
                base.maxSiteBytes(), base.maxSiteTime(), base.downloadTimeout(), base.extractTimeout(), 10,
                base.maxPdfPages(), base.maxExpandedBytes(), base.minInflateRatio(), base.threads());
        assertThat(new AttachmentText(small).read(AttachmentFixtures.xlsx("名单", ROWS)))
                .isInstanceOfSatisfying(AttachmentText.Read.class, read -> {
                    assertThat(read.text()).hasSize(10);
                    assertThat(read.truncated()).isTrue();
                });
    }
}
