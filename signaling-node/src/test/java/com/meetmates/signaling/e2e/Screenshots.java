package com.meetmates.signaling.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Screenshots kept with the test output (target/e2e-screenshots), for a person to look at. */
final class Screenshots {

  static final Path DIRECTORY = Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));
  private static final int GAP = 16;
  private static final Color GAP_COLOR = new Color(0x0f, 0x11, 0x17);

  private Screenshots() {
  }

  static Path save(String fileName, byte[] png) {
    try {
      Files.createDirectories(DIRECTORY);
      Path file = DIRECTORY.resolve(fileName);
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the pages' screenshots next to each other in one picture. */
  static Path saveSideBySide(String fileName, List<byte[]> pngs) {
    List<BufferedImage> images = new ArrayList<>();
    for (byte[] png : pngs) {
      images.add(decode(png));
    }
    int width = images.stream().mapToInt(BufferedImage::getWidth).sum() + GAP * (images.size() + 1);
    int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(0) + 2 * GAP;
    BufferedImage combined = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = combined.createGraphics();
    try {
      g.setColor(GAP_COLOR);
      g.fillRect(0, 0, width, height);
      int x = GAP;
      for (BufferedImage image : images) {
        g.drawImage(image, x, GAP, null);
        x += image.getWidth() + GAP;
      }
    } finally {
      g.dispose();
    }
    try {
      Files.createDirectories(DIRECTORY);
      Path file = DIRECTORY.resolve(fileName);
      ImageIO.write(combined, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalArgumentException("not an image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
