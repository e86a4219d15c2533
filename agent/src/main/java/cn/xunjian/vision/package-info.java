/** Reading images: Tesseract OCR for image-only footer marks, ZXing for QR codes. */
package cn.xunjian.vision;
