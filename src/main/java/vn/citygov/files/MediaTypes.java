package vn.citygov.files;

import java.util.Optional;

/**
 * The file types CityGov accepts, recognised from their first bytes ("magic numbers"). The declared
 * Content-Type and the name's extension are never trusted: both are the sender's word.
 */
public final class MediaTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** How many leading bytes {@link #sniff} needs. */
    public static final int HEAD_LENGTH = 8;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private MediaTypes() {
    }

    /** The accepted type these leading bytes start, or empty for anything else (text, archives, nothing). */
    public static Optional<String> sniff(byte[] head, int length) {
        if (startsWith(head, length, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, length, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    public static Optional<String> sniff(byte[] head) {
        return sniff(head, head.length);
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
