package com.meetmates.signaling.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * One JSON value kept as its text: taken from a client's packet and passed on exactly as it came, or built by
 * joining such values. A relayed ICE candidate goes from the sender's packet to the partner's without being parsed
 * into a tree or written again. It knows nothing of Vert.x or Hazelcast, and its callers nothing of Jackson, so that
 * the chat rules, the socket layer and the event bus can share it.
 *
 * <p>Only code that knows the text to be well-formed makes one (the socket layer after its parser read the text,
 * {@link #string} and {@link ObjectBuilder}); the lookups here therefore find the boundaries of values and check
 * nothing.
 */
public final class JsonText {

  public static final JsonText NULL = wellFormed("null");

  /** A range of a text that holds the value (a client's whole packet, say): no copy is made to take it out. */
  private final String source;
  private final int start;
  private final int end;
  /** Or an object whose members are written out only where it is sent: names, and JsonText or String values. */
  private final String[] names;
  private final Object[] values;

  private JsonText(String source, int start, int end) {
    this.source = source;
    this.start = start;
    this.end = end;
    this.names = null;
    this.values = null;
  }

  private JsonText(String[] names, Object[] values) {
    this.source = null;
    this.start = 0;
    this.end = 0;
    this.names = names;
    this.values = values;
  }

  /** Text known to be exactly one well-formed JSON value without surrounding whitespace. */
  public static JsonText wellFormed(String text) {
    return new JsonText(text, 0, text.length());
  }

  /** The range {@code [start, end)} of {@code source}, known to be exactly one well-formed JSON value. */
  public static JsonText wellFormed(String source, int start, int end) {
    return new JsonText(source, start, end);
  }

  /** A JSON string with that value, escaped as Jackson escapes by default. */
  public static JsonText string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    appendQuoted(out, value);
    return wellFormed(out.toString());
  }

  /**
   * Appends {@code value} as a JSON string, escaped by Jackson's own encoder, so that text we build ourselves reads
   * exactly as it did when Jackson's generators wrote it.
   */
  public static void appendQuoted(StringBuilder out, String value) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, out);
    out.append('"');
  }

  /** The JSON text itself (made into one String here if it was a range or pieces). */
  public String text() {
    if (names != null) {
      StringBuilder out = new StringBuilder(length());
      appendTo(out);
      return out.toString();
    }
    return start == 0 && end == source.length() ? source : source.substring(start, end);
  }

  /** The length of the text, or for an object built of pieces, at least that long (escapes are not counted). */
  private int length() {
    if (names == null) {
      return end - start;
    }
    int length = 2;
    for (int i = 0; i < names.length; i++) {
      length += names[i].length() + 4;
      length += values[i] instanceof JsonText json ? json.length() : ((String) values[i]).length() + 2;
    }
    return length;
  }

  /** Writes the JSON text where it is needed, without making a String of it first. */
  public void appendTo(StringBuilder out) {
    if (names == null) {
      out.append(source, start, end);
      return;
    }
    out.append('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendQuoted(out, names[i]);
      out.append(':');
      if (values[i] instanceof JsonText json) {
        json.appendTo(out);
      } else {
        appendQuoted(out, (String) values[i]);
      }
    }
    out.append('}');
  }

  /**
   * The same value holding nothing but its own text: what to keep beyond the handling of one packet, since a range
   * keeps the whole packet it was taken from.
   */
  public JsonText detached() {
    return names == null && start == 0 && end == source.length() ? this : wellFormed(text());
  }

  public boolean isObject() {
    return names != null || source.charAt(start) == '{';
  }

  public boolean isString() {
    return names == null && source.charAt(start) == '"';
  }

  public boolean isNull() {
    return names == null && source.startsWith("null", start) && end - start == 4;
  }

  /** Whether the text takes more than {@code limit} bytes in UTF-8, counted only when the length cannot tell. */
  public boolean longerThanUtf8(int limit) {
    if (names != null) {
      return detached().longerThanUtf8(limit);
    }
    int chars = end - start;
    if (chars > limit) {
      return true;
    }
    if (chars * 3L <= limit) {
      return false;
    }
    long bytes = 0;
    for (int i = start; i < end; i++) {
      char c = source.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes > limit;
  }

  /**
   * The value of that member of this object, or null if this is no object or has no such member. A repeated member
   * gives its last value, as a parser that builds a map would keep. The value is a range of the same text.
   */
  public JsonText member(String name) {
    if (names != null) {
      return detached().member(name);
    }
    int i = skipWhitespace(start);
    if (i >= end || source.charAt(i) != '{') {
      return null;
    }
    JsonText found = null;
    i = skipWhitespace(i + 1);
    while (i < end && source.charAt(i) == '"') {
      int keyEnd = skipString(i);
      boolean matches = keyEquals(i, keyEnd, name);
      int valueStart = skipWhitespace(skipWhitespace(keyEnd) + 1);
      int valueEnd = skipValue(valueStart);
      if (matches) {
        found = new JsonText(source, valueStart, valueEnd);
      }
      i = skipWhitespace(valueEnd);
      if (i < end && source.charAt(i) == ',') {
        i = skipWhitespace(i + 1);
      }
    }
    return found;
  }

  /** For a JSON string: the value it denotes, escapes resolved; null for any other value. */
  public String stringValue() {
    return isString() ? unescape(start + 1, end - 1) : null;
  }

  private boolean keyEquals(int keyStart, int keyEnd, String name) {
    int rawLength = keyEnd - keyStart - 2;
    int backslash = source.indexOf('\\', keyStart + 1);
    if (backslash < 0 || backslash >= keyEnd) {
      return rawLength == name.length() && source.regionMatches(keyStart + 1, name, 0, rawLength);
    }
    return unescape(keyStart + 1, keyEnd - 1).equals(name);
  }

  private String unescape(int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = source.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = source.charAt(i++);
      switch (escaped) {
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'u' -> {
          out.append((char) Integer.parseInt(source, i, i + 4, 16));
          i += 4;
        }
        default -> out.append(escaped);
      }
    }
    return out.toString();
  }

  private int skipWhitespace(int i) {
    while (i < end) {
      char c = source.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
      i++;
    }
    return i;
  }

  /** From the opening quote to just after the closing one: the first quote not escaped by an odd run of backslashes. */
  private int skipString(int i) {
    int from = i + 1;
    while (true) {
      int quote = source.indexOf('"', from);
      int backslashes = 0;
      while (source.charAt(quote - 1 - backslashes) == '\\') {
        backslashes++;
      }
      if (backslashes % 2 == 0) {
        return quote + 1;
      }
      from = quote + 1;
    }
  }

  private int skipValue(int i) {
    char first = source.charAt(i);
    if (first == '"') {
      return skipString(i);
    }
    if (first == '{' || first == '[') {
      int depth = 0;
      int j = i;
      do {
        char c = source.charAt(j);
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
    while (j < end && ",}] \t\n\r".indexOf(source.charAt(j)) < 0) {
      j++;
    }
    return j;
  }

  /** Equal when the texts are equal, character for character (JSON that only means the same is not equal). */
  @Override
  public boolean equals(Object other) {
    return other instanceof JsonText json && json.text().equals(text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text();
  }

  /**
   * Builds a JSON object from members in the order given; names and String values are escaped as
   * {@link #appendQuoted}. Nothing is written until the object is sent (or its {@link #text()} asked for).
   */
  public static final class ObjectBuilder {
    private final String[] names;
    private final Object[] values;
    private int count;

    /** @param members how many members the object will have */
    public ObjectBuilder(int members) {
      names = new String[members];
      values = new Object[members];
    }

    public ObjectBuilder member(String name, JsonText value) {
      return add(name, value);
    }

    public ObjectBuilder member(String name, String value) {
      return add(name, value);
    }

    public JsonText build() {
      if (count != names.length) {
        throw new IllegalStateException(count + " members given for an object of " + names.length);
      }
      return new JsonText(names, values);
    }

    private ObjectBuilder add(String name, Object value) {
      names[count] = name;
      values[count] = value;
      count++;
      return this;
    }
  }
}
