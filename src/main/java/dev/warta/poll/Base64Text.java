package dev.warta.poll;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Text that a feed carries base64-encoded (Atom 0.3 {@code mode="base64"}, Atom 1.0 binary media types). */
final class Base64Text {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

    private Base64Text() {
    }

    /** The UTF-8 text {@code encoded} stands for (line breaks allowed); null when it is not base64, or not text. */
    static String decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(WHITE_SPACE.matcher(encoded).replaceAll(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return CONTROL.matcher(text).find() ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
