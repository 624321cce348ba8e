package dev.respite.command;

import java.time.Duration;

/**
 * One entry of the extended form of {@code XPENDING}.
 *
 * @param id the entry id
 * @param consumer the consumer it was delivered to
 * @param idle the time since it was last delivered
 * @param deliveries how many times it was delivered
 */
public record PendingMessage(String id, String consumer, Duration idle, long deliveries) {}
