package dev.ankiconnect.apkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal protobuf wire-format reader: iterates the fields of one message. Only what Anki's
 * package payloads use (varint, 64-bit, length-delimited, 32-bit); no schema, no reflection.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;
    private final int end;
    private int tag;
    private long varintValue;
    private int lenStart;
    private int lenLength;

    ProtoReader(byte[] buf) {
        this(buf, 0, buf == null ? 0 : buf.length);
    }

    private ProtoReader(byte[] buf, int start, int end) {
        this.buf = buf == null ? new byte[0] : buf;
        this.pos = start;
        this.end = end;
    }

    /** Advances to the next field; returns false at the end of the message. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        tag = (int) readRawVarint();
        switch (wireType()) {
            case VARINT -> varintValue = readRawVarint();
            case FIXED64 -> {
                varintValue = readLittleEndian(8);
            }
            case FIXED32 -> varintValue = readLittleEndian(4);
            case LEN -> {
                int len = (int) readRawVarint();
                if (len < 0 || pos + len > end) {
                    throw new IllegalArgumentException("truncated protobuf field " + field());
                }
                lenStart = pos;
                lenLength = len;
                pos += len;
            }
            default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType());
        }
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varint() {
        return varintValue;
    }

    boolean bool() {
        return varintValue != 0;
    }

    /** Zigzag-decoded value of a sint32/sint64 field. */
    long sint() {
        return (varintValue >>> 1) ^ -(varintValue & 1);
    }

    float float32() {
        return Float.intBitsToFloat((int) varintValue);
    }

    byte[] bytes() {
        byte[] out = new byte[lenLength];
        System.arraycopy(buf, lenStart, out, 0, lenLength);
        return out;
    }

    String string() {
        return new String(buf, lenStart, lenLength, StandardCharsets.UTF_8);
    }

    ProtoReader message() {
        return new ProtoReader(buf, lenStart, lenStart + lenLength);
    }

    /** A repeated float arrives packed (LEN) from proto3 writers, or unpacked (FIXED32) from old ones. */
    void addFloats(List<Float> out) {
        if (wireType() == FIXED32) {
            out.add(float32());
            return;
        }
        ProtoReader r = message();
        while (r.pos + 4 <= r.end) {
            out.add(Float.intBitsToFloat((int) r.readLittleEndian(4)));
        }
    }

    /** Repeated varints, packed or not. */
    void addVarints(List<Long> out) {
        if (wireType() == VARINT) {
            out.add(varintValue);
            return;
        }
        ProtoReader r = message();
        while (r.pos < r.end) {
            out.add(r.readRawVarint());
        }
    }

    List<Float> floats() {
        List<Float> out = new ArrayList<>();
        addFloats(out);
        return out;
    }

    private long readRawVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new IllegalArgumentException("truncated protobuf varint");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed protobuf varint");
    }

    private long readLittleEndian(int n) {
        if (pos + n > end) {
            throw new IllegalArgumentException("truncated protobuf fixed field");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (buf[pos++] & 0xff) << (8 * i);
        }
        return v;
    }
}
