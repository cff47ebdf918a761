package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecException;
import org.tec.cli.Main;

/** Every decoding problem has a line and a column; no control character of a script reaches the terminal raw. */
class EncodingTest {
    @TempDir
    Path tmp;

    private String check(byte[] bytes) throws Exception {
        Path f = Files.write(tmp.resolve("s.tec"), bytes);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"check", f.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.SCRIPT_ERROR, code, err::toString);
        return err.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anInvalidUtf8ByteIsAnErrorAtItsLineAndColumn() throws Exception {
        byte[] head = utf8("scenario \"x\" {\n  phase free for 1 min { }\n  log \"caf");
        byte[] tail = utf8("\"\n}\n");
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9; // é in Latin-1: not UTF-8
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        String err = check(all);
        assertTrue(err.contains("s.tec:3:11: error: the byte 0xE9 is not UTF-8 (tec reads scripts as UTF-8)"), err);
        assertTrue(err.contains("  log \"caf"), "the line is quoted: " + err);
    }

    @Test
    void aByteOrderMarkIsNamedAtTheStart() throws Exception {
        String err = check(utf8("\uFEFFscenario \"x\" {\n  phase free for 1 min { }\n}\n"));
        assertTrue(err.contains("s.tec:1:1: error: the file starts with a byte-order mark (U+FEFF)"), err);
        assertEquals(1, err.lines().filter(l -> l.contains(": error:")).count(), "only the BOM is wrong: " + err);
    }

    @Test
    void loneCarriageReturnsEndLines() throws Exception {
        String err = check(utf8("scenario \"x\" {\r  phase fre for 1 min { }\r}\r"));
        assertTrue(err.contains("s.tec:2:9: error: unknown phase kind 'fre'"), err);
        String crlf = check(utf8("scenario \"x\" {\r\n  phase fre for 1 min { }\r\n}\r\n"));
        assertTrue(crlf.contains("s.tec:2:9: error: unknown phase kind 'fre'"), crlf);
    }

    @Test
    void controlCharactersAreEscapedInMessagesAndQuotedLines() throws Exception {
        String err = check(utf8("scenario \"x\" {\n  phase fr\u001b[2Jee for 1 min { }\n}\n"));
        assertFalse(err.contains("\u001b"), "a raw escape reached the terminal: " + err);
        TecException.Compile e = assertThrows(TecException.Compile.class,
                () -> Tec.builder().build().compile("scenario \"x\" {\n  phase free for 1 min { log \"\u001b]0;owned\u0007\" }\n  zzz\n}\n", "t.tec"));
        assertFalse(e.getMessage().contains("\u001b") || e.getMessage().contains("\u0007"), e.getMessage());
    }

    @Test
    void aLoggedStringWithControlCharactersPrintsEscapedInTheReport() throws Exception {
        Path f = Files.writeString(tmp.resolve("log.tec"),
                "scenario \"x\" {\n  phase free for 1 min { at 0.5 min: log \"bell\u0007 and \u202Eevil\" }\n  expect t >= 0 min\n}\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"run", f.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.OK, code, err::toString);
        assertFalse(out.toString().contains("\u0007") || out.toString().contains("\u202E"), out.toString());
        assertTrue(out.toString().contains("bell\\u0007 and \\u202eevil"), out.toString());
    }
}
