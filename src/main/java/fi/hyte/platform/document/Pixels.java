package fi.hyte.platform.document;

import fi.hyte.platform.document.Document.Picture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** A PNG's or JPEG's width and height in pixels, read from its header without decoding the image. */
final class Pixels {

    private Pixels() {}

    static int[] of(Picture picture) {
        return of(picture.image(), picture.caption());
    }

    /** The width and height; a file whose header cannot be read is refused. */
    static int[] of(byte[] image, String caption) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("The picture cannot be read: " + caption);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new IllegalArgumentException("The picture has no pixels: " + caption);
                }
                return new int[] {width, height};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The picture cannot be read: " + caption, e);
        }
    }
}
