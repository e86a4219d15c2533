package cn.xunjian.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The demo's Office attachments, written with POI when the demo starts, so that no binary file of personal data sits
 * in the repository: a clean application form of the education bureau (a blank table and a landline, nothing to
 * report) and the portal's 临时救助 公示 sheet in which one family's ID and mobile numbers were left unmasked.
 * Their layout follows the 公示 sheets county civil-affairs offices attach (title row merged over the columns, one
 * household a row, every other number masked by the CMS).
 */
final class DemoAttachments {
    /** The ID number left unmasked in the portal's 公示 sheet (checksum valid, GB 11643-1999). */
    static final String LEAKED_ID = "330185197805120315";
    /** The mobile number left unmasked next to it. */
    static final String LEAKED_MOBILE = "13957182046";

    private DemoAttachments() {
    }

    /** 临江县义务教育阶段家庭经济困难学生资助申请表: headings, a blank form table, where to hand it in. */
    static byte[] cleanApplicationForm() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText("临江县义务教育阶段家庭经济困难学生资助申请表");
            doc.createParagraph().createRun().setText("学校（盖章）：　　　　　　　　　　填表日期：　　年　　月　　日");
            List<List<String>> rows = List.of(
                    List.of("学生姓名", "", "性别", ""),
                    List.of("身份证号码", "", "年级班级", ""),
                    List.of("监护人姓名", "", "监护人联系电话", ""),
                    List.of("家庭住址", "", "家庭人口", ""),
                    List.of("申请理由", "", "", ""),
                    List.of("学校评议意见", "", "县教育局审核意见", ""));
            XWPFTable table = doc.createTable(rows.size(), 4);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < 4; c++) {
                    table.getRow(r).getCell(c).setText(rows.get(r).get(c));
                }
            }
            doc.createParagraph().createRun().setText("说明：本表一式两份，由学生监护人填写后交所在学校，学校评议后于每学期开学后"
                    + "30日内报县教育局学生资助管理中心。咨询电话：0571-6512345。");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 2026年10月城乡居民临时救助资金发放名单: masked rows, and the one the clerk did not mask (planted W-D6). */
    static byte[] reliefNoticeWithOneUnmaskedRow() {
        List<List<String>> rows = List.of(
                List.of("序号", "乡镇（街道）", "姓名", "身份证号码", "联系电话", "救助事由", "救助金额（元）"),
                List.of("1", "城关镇", "王*明", "330185********1236", "189****9580", "因病", "3000"),
                List.of("2", "城关镇", "陈建国", LEAKED_ID, LEAKED_MOBILE, "因灾", "2000"),
                List.of("3", "江南街道", "李*芳", "3301**********567X", "136****2215", "因病", "1500"),
                List.of("4", "江南街道", "赵*", "33018520******0024", "137****6631", "其他", "1000"));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("10月");
            sheet.createRow(0).createCell(0).setCellValue("临江县2026年10月城乡居民临时救助资金发放名单");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, rows.get(0).size() - 1));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            sheet.createRow(rows.size() + 2).createCell(0).setCellValue("制表单位：临江县民政局　联系电话：0571-6512300");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
