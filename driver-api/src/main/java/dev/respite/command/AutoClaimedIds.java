package dev.respite.command;

import java.util.List;

/**
 * The reply of {@code XAUTOCLAIM ... JUSTID}.
 *
 * @param nextId the id to start the next call from; {@code 0-0} when the scan is complete
 * @param claimedIds the ids now owned by the consumer (their delivery count unchanged)
 * @param deletedIds ids that were pending but no longer exist in the stream
 */
public record AutoClaimedIds(String nextId, List<String> claimedIds, List<String> deletedIds) {}
