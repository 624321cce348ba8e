package dev.respite.command;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The summary form of {@code XPENDING key group}.
 *
 * @param count how many entries are pending
 * @param lowestId the lowest pending id, or null if none
 * @param highestId the highest pending id, or null if none
 * @param consumers how many entries each consumer has pending
 */
public record PendingSummary(long count, @Nullable String lowestId, @Nullable String highestId,
    Map<String, Long> consumers) {}
