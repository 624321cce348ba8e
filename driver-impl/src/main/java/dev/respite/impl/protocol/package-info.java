/**
 * The RESP2/RESP3 codec: bytes in, bytes out, and {@link java.io.IOException}; no knowledge of pools,
 * sessions or threads. {@link dev.respite.impl.protocol.RespWriter} encodes commands,
 * {@link dev.respite.impl.protocol.RespReader} decodes replies into the immutable {@link dev.respite.Reply}
 * implementations made by {@link dev.respite.impl.protocol.Replies}.
 *
 * <p>Readers and writers are not thread-safe; replies and keywords are immutable. Respite internals: not
 * API, may change in any release.
 */
@NullMarked
package dev.respite.impl.protocol;

import org.jspecify.annotations.NullMarked;
