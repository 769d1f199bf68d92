package com.meetmates.signaling.json;

import java.nio.charset.StandardCharsets;

/**
 * One JSON value kept as its text: taken from a client's packet and passed on exactly as it came, or built by
 * joining such values. A relayed ICE candidate goes from the sender's packet to the partner's without being parsed
 * into a tree or written again. Plain Java, so that the chat rules, the socket layer and the event bus can share it.
 *
 * <p>Only code that knows the text to be well-formed makes one (the socket layer after its parser read the text,
 * {@link #string} and {@link ObjectBuilder}); the lookups here therefore find the boundaries of values and check
 * nothing.
 */
public final class JsonText {

  public static final JsonText NULL = new JsonText("null");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String text;

  private JsonText(String text) {
    this.text = text;
  }

  /** Text known to be exactly one well-formed JSON value without surrounding whitespace. */
  public static JsonText wellFormed(String text) {
    return new JsonText(text);
  }

  /** A JSON string with that value, escaped as Jackson escapes by default. */
  public static JsonText string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    appendQuoted(out, value);
    return new JsonText(out.toString());
  }

  /**
   * Appends {@code value} as a JSON string, escaped as Jackson's generators do by default: quote, backslash and
   * the control characters below U+0020 (backspace, tab, newline, form feed and carriage return as their short escapes, the others as a six-character unicode escape); everything
   * else as it is. Text we build ourselves thus reads exactly as it did when Jackson wrote it.
   */
  public static void appendQuoted(StringBuilder out, String value) {
    out.append('"');
    int length = value.length();
    int plainFrom = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(value, plainFrom, length).append('"');
  }

  public String text() {
    return text;
  }

  public boolean isObject() {
    return text.charAt(0) == '{';
  }

  public boolean isString() {
    return text.charAt(0) == '"';
  }

  public boolean isNull() {
    return text.equals("null");
  }

  /** Whether the text takes more than {@code limit} bytes in UTF-8, counted only when the length cannot tell. */
  public boolean longerThanUtf8(int limit) {
    int chars = text.length();
    if (chars > limit) {
      return true;
    }
    return chars * 3L > limit && text.getBytes(StandardCharsets.UTF_8).length > limit;
  }

  /**
   * The value of that member of this object, or null if this is no object or has no such member. A repeated member
   * gives its last value, as a parser that builds a map would keep.
   */
  public JsonText member(String name) {
    int i = skipWhitespace(0);
    if (text.charAt(i) != '{') {
      return null;
    }
    String found = null;
    i = skipWhitespace(i + 1);
    while (text.charAt(i) == '"') {
      int keyEnd = skipString(i);
      boolean matches = keyEquals(i, keyEnd, name);
      int valueStart = skipWhitespace(skipWhitespace(keyEnd) + 1);
      int valueEnd = skipValue(valueStart);
      if (matches) {
        found = text.substring(valueStart, valueEnd);
      }
      i = skipWhitespace(valueEnd);
      if (text.charAt(i) == ',') {
        i = skipWhitespace(i + 1);
      }
    }
    return found == null ? null : new JsonText(found);
  }

  /** For a JSON string: the value it denotes, escapes resolved; null for any other value. */
  public String stringValue() {
    return isString() ? unescape(1, text.length() - 1) : null;
  }

  private boolean keyEquals(int keyStart, int keyEnd, String name) {
    int rawLength = keyEnd - keyStart - 2;
    int backslash = text.indexOf('\\', keyStart + 1);
    if (backslash < 0 || backslash >= keyEnd) {
      return rawLength == name.length() && text.regionMatches(keyStart + 1, name, 0, rawLength);
    }
    return unescape(keyStart + 1, keyEnd - 1).equals(name);
  }

  private String unescape(int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = text.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(i++);
      switch (escaped) {
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'u' -> {
          out.append((char) Integer.parseInt(text, i, i + 4, 16));
          i += 4;
        }
        default -> out.append(escaped);
      }
    }
    return out.toString();
  }

  private int skipWhitespace(int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
      i++;
    }
    return i;
  }

  /** From the opening quote to just after the closing one. */
  private int skipString(int i) {
    int j = i + 1;
    while (true) {
      char c = text.charAt(j);
      if (c == '"') {
        return j + 1;
      }
      j += c == '\\' ? 2 : 1;
    }
  }

  private int skipValue(int i) {
    char first = text.charAt(i);
    if (first == '"') {
      return skipString(i);
    }
    if (first == '{' || first == '[') {
      int depth = 0;
      int j = i;
      do {
        char c = text.charAt(j);
        if (c == '"') {
          j = skipString(j);
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
        j++;
      } while (depth > 0);
      return j;
    }
    int j = i;
    while (j < text.length() && ",}] \t\n\r".indexOf(text.charAt(j)) < 0) {
      j++;
    }
    return j;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonText json && json.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Builds a JSON object from members in the order given; keys and strings escaped as {@link #appendQuoted}. */
  public static final class ObjectBuilder {
    private final StringBuilder out;

    /** @param expectedChars about how long the object will be (saves growing the buffer) */
    public ObjectBuilder(int expectedChars) {
      out = new StringBuilder(expectedChars).append('{');
    }

    public ObjectBuilder member(String name, JsonText value) {
      key(name).append(value.text);
      return this;
    }

    public ObjectBuilder member(String name, String value) {
      appendQuoted(key(name), value);
      return this;
    }

    public JsonText build() {
      return new JsonText(out.append('}').toString());
    }

    private StringBuilder key(String name) {
      if (out.length() > 1) {
        out.append(',');
      }
      appendQuoted(out, name);
      return out.append(':');
    }
  }
}
