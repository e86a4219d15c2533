package cn.xunjian.darklink;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Composes two screenshots into one PNG: left and right, each under a caption, scaled to one width. */
final class SideBySide {
    private static final int CAPTION = 44;
    private static final int GAP = 12;
    private static final Font FONT = new Font("Noto Sans CJK SC", Font.BOLD, 20);

    private SideBySide() {
    }

    static byte[] compose(byte[] leftPng, String leftCaption, byte[] rightPng, String rightCaption, int width,
                          int maxHeight) {
        BufferedImage left = scaled(read(leftPng), width, maxHeight);
        BufferedImage right = scaled(read(rightPng), width, maxHeight);
        int h = CAPTION + Math.max(left.getHeight(), right.getHeight());
        BufferedImage out = new BufferedImage(2 * width + GAP, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), h);
            g.setColor(new Color(0x33, 0x33, 0x33));
            g.fillRect(0, 0, width, CAPTION);
            g.setColor(new Color(0xE6, 0x00, 0x12));
            g.fillRect(width + GAP, 0, width, CAPTION);
            g.setColor(Color.WHITE);
            g.setFont(FONT);
            g.drawString(leftCaption, 12, 30);
            g.drawString(rightCaption, width + GAP + 12, 30);
            g.drawImage(left, 0, CAPTION, null);
            g.drawImage(right, width + GAP, CAPTION, null);
            g.setColor(new Color(0xCC, 0xCC, 0xCC));
            g.fillRect(width, 0, GAP, h);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static BufferedImage read(byte[] png) {
        try {
            BufferedImage img = png == null || png.length == 0 ? null : ImageIO.read(new ByteArrayInputStream(png));
            return img != null ? img : blank();
        } catch (IOException e) {
            return blank();
        }
    }

    private static BufferedImage blank() {
        BufferedImage img = new BufferedImage(640, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xEE, 0xEE, 0xEE));
        g.fillRect(0, 0, 640, 200);
        g.setColor(Color.DARK_GRAY);
        g.setFont(FONT);
        g.drawString("（无截图：页面未能打开）", 20, 100);
        g.dispose();
        return img;
    }

    private static BufferedImage scaled(BufferedImage img, int width, int maxHeight) {
        double k = (double) width / img.getWidth();
        int h = Math.min(maxHeight, (int) Math.round(img.getHeight() * k));
        BufferedImage out = new BufferedImage(width, Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, (int) Math.round(img.getHeight() * k), null);
        g.dispose();
        return out;
    }
}
