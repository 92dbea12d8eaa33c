package dev.ankiconnect.apkg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Minimal protobuf wire-format writer for the few messages a package needs (meta, media list). */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        tag(field, ProtoReader.VARINT);
        rawVarint(value);
        return this;
    }

    /** Writes a varint only when non-zero: proto3 omits default values. */
    ProtoWriter varintIfSet(int field, long value) {
        return value == 0 ? this : varint(field, value);
    }

    ProtoWriter bool(int field, boolean value) {
        return value ? varint(field, 1) : this;
    }

    ProtoWriter float32(int field, float value) {
        if (value == 0f) {
            return this;
        }
        tag(field, ProtoReader.FIXED32);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** A repeated float, packed as proto3 does. */
    ProtoWriter packedFloats(int field, java.util.List<Float> values) {
        if (values.isEmpty()) {
            return this;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.size() * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        values.forEach(b::putFloat);
        return bytes(field, b.array());
    }

    /** A repeated varint, packed. */
    ProtoWriter packedVarints(int field, java.util.List<Long> values) {
        if (values.isEmpty()) {
            return this;
        }
        ProtoWriter inner = new ProtoWriter();
        values.forEach(inner::rawVarint);
        return bytes(field, inner.toByteArray());
    }

    ProtoWriter stringIfSet(int field, String value) {
        return value == null || value.isEmpty() ? this : string(field, value);
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, ProtoReader.LEN);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter nested) {
        return bytes(field, nested.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
