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

    /**
     * The accepted type a name's extension claims (".pdf", ".jpg", ".png"…), or empty for no extension or any
     * other one. Used only to catch a contradiction with the content, never to decide the type.
     */
    public static Optional<String> claimedBy(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT)) {
            case "pdf" -> Optional.of(PDF);
            case "png" -> Optional.of(PNG);
            case "jpg", "jpeg", "jpe", "jfif" -> Optional.of(JPEG);
            default -> Optional.empty();
        };
    }

    /** The usual extension of an accepted type, with its dot. */
    public static String extensionOf(String mediaType) {
        return switch (mediaType) {
            case PDF -> ".pdf";
            case PNG -> ".png";
            case JPEG -> ".jpg";
            default -> throw new IllegalArgumentException(mediaType);
        };
    }

    /** A name whose extension fits the content: unchanged when it already does, else with the right one added. */
    public static String nameFor(String cleanName, String mediaType) {
        return claimedBy(cleanName).isPresent() ? cleanName : cleanName + extensionOf(mediaType);
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
