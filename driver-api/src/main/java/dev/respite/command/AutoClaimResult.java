package dev.respite.command;

import java.util.List;

/**
 * The reply of {@code XAUTOCLAIM}.
 *
 * @param nextId the id to start the next call from; {@code 0-0} when the scan is complete
 * @param entries the claimed entries
 * @param deletedIds ids that were pending but no longer exist in the stream
 */
public record AutoClaimResult<K, V>(String nextId, List<StreamEntry<K, V>> entries, List<String> deletedIds) {}
